// `sandbox:` in reloadkit.yaml: nothing granted by default; each field refuses what it cannot mean, with
// the line, the field, what was expected and the value received.
import { readFileSync } from 'node:fs';
import t from 'tap';
import { parseManifest } from '../../../../generators/manifest/index.js';
import { manifestMessage as messageOf } from '../../../helpers/manifest-problems.js';

const cinder = readFileSync(new URL('../../../../examples/cinder/reloadkit.yaml', import.meta.url), 'utf8');

/** The cinder manifest with `lines` as the first service's sandbox. */
function withSandbox(lines: string): string {
  return cinder.replace('    drain_timeout: 60\n', `    drain_timeout: 60\n    sandbox:\n${lines}`);
}


const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

t.test('omitted: no capabilities, no extra families or paths, no descriptor limit', async (t) => {
  t.same(parseManifest(cinder, 'reloadkit.yaml').services[0]!.sandbox, { capabilities: [], address_families: [], writable_paths: [] });
});

t.test('what a service needs is granted as written', async (t) => {
  const text = withSandbox('      capabilities: [CAP_NET_BIND_SERVICE]\n      address_families: [AF_PACKET]\n      writable_paths: [/srv/images]\n      limit_nofile: 65536\n');
  t.same(parseManifest(text, 'reloadkit.yaml').services[0]!.sandbox, {
    capabilities: ['CAP_NET_BIND_SERVICE'], address_families: ['AF_PACKET'], writable_paths: ['/srv/images'], limit_nofile: 65536,
  });
});

t.test('each field refuses what it cannot mean', async (t) => {
  const cases: Array<[string, string, string]> = [
    ['      capabilities: [NET_BIND_SERVICE]\n', 'capabilities', 'services[0].sandbox.capabilities[0]: expected a Linux capability such as "CAP_NET_BIND_SERVICE" (see capabilities(7)), got "NET_BIND_SERVICE" (string)'],
    ['      address_families: [AF_INET]\n', 'address_families', 'services[0].sandbox.address_families[0]: expected a family beyond the ones every unit allows (AF_UNIX, AF_INET, AF_INET6, AF_NETLINK), got "AF_INET" (string)'],
    ['      address_families: [packet]\n', 'address_families', 'services[0].sandbox.address_families[0]: expected a socket address family such as "AF_PACKET", got "packet" (string)'],
    ['      writable_paths: [srv/images]\n', 'writable_paths', 'services[0].sandbox.writable_paths[0]: expected an absolute path made of letters, digits and . _ + @ : - / (no spaces, no shell characters, no "." or ".." segments), got "srv/images" (string)'],
    ['      limit_nofile: 2000000\n', 'limit_nofile', 'services[0].sandbox.limit_nofile: expected a positive integer of at most 1048576 (the kernel\'s default nr_open), got 2000000 (number)'],
    ['      no_new_privileges: false\n', 'no_new_privileges', 'services[0].sandbox.no_new_privileges: unknown key; expected one of capabilities, address_families, writable_paths, limit_nofile'],
  ];
  for (const [lines, needle, message] of cases) {
    const text = withSandbox(lines);
    t.equal(messageOf(text), `reloadkit.yaml:${lineOf(text, needle)}: ${message}`, needle);
  }
});
