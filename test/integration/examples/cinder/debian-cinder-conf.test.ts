// Debian 12's real cinder.conf (5,257 lines, the sections of every library cinder loads), with the
// example's backend options added to its [lvm] backend, checked by each of the three example services:
// valid with the ignored names listed as warnings; --strict refuses exactly those names.
import t from 'tap';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertBuildIsCurrent, runCli, tempDir } from '../../../helpers/cinder-processes.js';
import { debianCinderConf } from '../../../helpers/debian-cinder-conf.js';

assertBuildIsCurrent();

/** The sample with `san_ip`/`san_port` right under its `[lvm]` header (two lines: later lines move by 2). */
function withBackendOptions(sample: string): string {
  if (!/^\[lvm\]$/m.test(sample)) throw new Error('the Debian sample has no [lvm] section any more');
  return sample.replace(/^\[lvm\]$/m, '[lvm]\nsan_ip = 127.0.0.1\nsan_port = 9301');
}

t.test("each example service accepts Debian's cinder.conf, warning about what it ignores", async (t) => {
  const sample = readFileSync(debianCinderConf(), 'utf8');
  const dir = tempDir(t);
  const conf = join(dir, 'cinder.conf');
  writeFileSync(conf, withBackendOptions(sample));
  const warnings = [
    `${conf}:345: [DEFAULT] auth_strategy: unknown option, ignored`,
    `${conf}:4148: [keystone_authtoken] unknown section, ignored`,
    `${conf}:4358: [oslo_concurrency] unknown section, ignored`,
    `${conf}:4800: [oslo_policy] unknown section, ignored`,
    `${conf}:5256: [lvm] volume_driver: unknown option, ignored`,
    `${conf}:5257: [lvm] volume_group: unknown option, ignored`,
    `${conf}:5258: [lvm] iscsi_protocol: unknown option, ignored`,
    `${conf}:5259: [lvm] iscsi_helper: unknown option, ignored`,
  ];
  for (const service of ['cinder-volume', 'cinder-scheduler', 'cinder-api']) {
    const result = await runCli(service, ['check-config', '--config-file', conf]);
    t.equal(result.code, 0, `${service}: exit 0\n${result.stderr}`);
    t.equal(result.stdout, `${service}: configuration is valid (${conf}); ${warnings.length} unknown name(s) ignored, --strict refuses them\n`);
    t.same(result.stderr.split('\n').filter(Boolean), warnings.map((w) => `${service}: warning: ${w}`),
      `${service}: every ignored name with file:line; the 28 comment-only sections give nothing`);

    const strict = await runCli(service, ['check-config', '--strict', '--config-file', conf]);
    t.equal(strict.code, 1, `${service} --strict: exit 1`);
    const lines = strict.stderr.split('\n').filter(Boolean);
    t.equal(lines[0], `${service}: invalid configuration:`);
    t.same(lines.slice(1).map((line) => line.replace(/ unknown (option|section)[ ,(].*$/, ' unknown $1')),
      warnings.map((w) => w.replace(/ unknown (option|section)[ ,(].*$/, ' unknown $1')), `${service} --strict names each of them`);
  }
});

t.test("oslo.messaging's notification options, uncommented where Debian's sample has them, are known to every service", async (t) => {
  const sample = withBackendOptions(readFileSync(debianCinderConf(), 'utf8'));
  const uncomment = (text: string, commented: RegExp, value: string): string => {
    if (!commented.test(text)) throw new Error(`the Debian sample has no line matching ${commented} any more`);
    return text.replace(commented, value);
  };
  let text = uncomment(sample, /^#transport_url = rabbit:\/\/$/m, 'transport_url = rabbit://guest:guest@127.0.0.1:5672/');
  text = uncomment(text, /^#control_exchange = openstack$/m, 'control_exchange = cinder');
  const section = text.indexOf('\n[oslo_messaging_notifications]\n');
  if (section < 0) throw new Error('the Debian sample has no [oslo_messaging_notifications] section any more');
  text = text.slice(0, section) + uncomment(text.slice(section), /^#driver =$/m, 'driver = messagingv2');
  text = uncomment(text, /^#topics = notifications$/m, 'topics = notifications,ops');
  const dir = tempDir(t);
  const conf = join(dir, 'cinder.conf');
  writeFileSync(conf, text);
  for (const service of ['cinder-volume', 'cinder-scheduler', 'cinder-api']) {
    const result = await runCli(service, ['check-config', '--config-file', conf]);
    t.equal(result.code, 0, `${service}: exit 0\n${result.stderr}`);
    t.notMatch(result.stderr, /transport_url|control_exchange|oslo_messaging_notifications/, `${service}: none of them is an unknown name`);
    t.equal(result.stderr.split('\n').filter(Boolean).length, 8, `${service}: the same eight warnings as the sample as shipped`);
  }
});
