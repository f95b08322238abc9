// The help text names the service, every command with its exit codes, and the default files.
import t from 'tap';
import { formatUsage } from '../../../../runtime/cli/usage.js';

t.test('help text', async (t) => {
  const text = formatUsage('cinder-volume', ['/etc/cinder/cinder.conf']);
  t.match(text, /^Usage:\n  cinder-volume \[run\] \[--config-file FILE\]\.\.\. \[--config-dir DIR\]\.\.\.\n/);
  t.match(text, /\n  cinder-volume reload \[--config-file FILE\]\.\.\. \[--control-socket PATH\] \[--timeout SEC\] \[--wait-drained\]\n/);
  t.match(text, /exit 0 succeeded, 1 failed\/aborted\/timed out, 2 usage, 7 not running/);
  t.match(text, /exit 0 running, 3 not running/);
  t.match(text, /Default configuration files: \/etc\/cinder\/cinder\.conf\.\n/);
  t.match(formatUsage('x', []), /Default configuration files: none\.\n/);
});
