// A short manual page for a service's /usr/bin launcher, from the manifest (Debian policy §12.1).
import type { ServiceManifest } from '../../generators/manifest/index.js';

/** Escapes text for roff: backslashes, and a leading dot or quote that would start a request. */
function escapeRoff(text: string): string {
  return text.replace(/\\/g, '\\e').replace(/-/g, '\\-').replace(/^([.'])/, '\\&$1');
}

/**
 * Renders `<service>.1` in man(7) format. No version or date in it: the page must stay byte-identical across
 * versions, so that an upgrade changing only conffiles leaves the package's payload unchanged (reload, not restart).
 */
export function renderManPage(service: ServiceManifest, sourceName: string): string {
  const name = escapeRoff(service.name);
  const configs = service.config_files.map((file) => `.TP\n.I ${escapeRoff(file.path)}\nConfiguration file.`);
  return [
    `.TH ${service.name.toUpperCase()} 1 "" "${escapeRoff(sourceName)}" "User Commands"`,
    '.SH NAME',
    `${name} \\- ${escapeRoff(service.description)}`,
    '.SH SYNOPSIS',
    `.B ${name}`,
    '[\\fB\\-\\-config\\-file\\fR \\fIFILE\\fR]... [\\fB\\-\\-config\\-dir\\fR \\fIDIR\\fR]...',
    '.br',
    `.B ${name} reload`,
    '[\\fB\\-\\-config\\-file\\fR \\fIFILE\\fR | \\fB\\-\\-control\\-socket\\fR \\fISOCKET\\fR] [\\fB\\-\\-timeout\\fR \\fISEC\\fR] [\\fB\\-\\-wait\\-drained\\fR]',
    '.br',
    `.B ${name} check\\-config`,
    '\\fB\\-\\-config\\-file\\fR \\fIFILE\\fR...',
    '.br',
    `.B ${name} status`,
    '[\\fB\\-\\-config\\-file\\fR \\fIFILE\\fR | \\fB\\-\\-control\\-socket\\fR \\fISOCKET\\fR]',
    '.SH DESCRIPTION',
    `Without a command, runs the ${name} service in the foreground.`,
    'It re-reads its configuration on SIGHUP or when asked by the',
    '.B reload',
    'command, which waits for the outcome and exits 0 when the reload succeeded,',
    '1 when it failed or was aborted, and 7 when the service is not running.',
    '.B check\\-config',
    'validates configuration files without a running service.',
    '.B status',
    'prints the running service\'s state as JSON.',
    '.SH FILES',
    ...configs,
    '.SH SEE ALSO',
    '.BR systemctl (1),',
    '.BR service (8)',
    '',
  ].join('\n');
}
