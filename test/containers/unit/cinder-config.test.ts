// The package scenario's edits of cinder.conf: one option in one section, and a clear error when it is missing.
import t from 'tap';
import { setOption } from '../scenarios/cinder-config.js';

const conf = '[DEFAULT]\ndebug = false\n\n[backend_a]\nsan_port = 9301\n\n[backend_b]\nsan_port = 9302\n';

t.test('changes the option only in the named section', async (t) => {
  t.equal(setOption(conf, 'backend_a', 'san_port', '9303'), conf.replace('san_port = 9301', 'san_port = 9303'));
  t.equal(setOption(conf, 'DEFAULT', 'debug', 'true'), conf.replace('debug = false', 'debug = true'));
});

t.test('an option that is not in the section is an error naming both', async (t) => {
  t.throws(() => setOption(conf, 'backend_b', 'debug', 'true'), { message: 'cannot edit cinder.conf: no "debug =" line in [backend_b]' });
});
