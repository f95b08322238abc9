// Files are UTF-8 as oslo.config opens them: other bytes are refused with file:line, never turned into U+FFFD.
import t from 'tap';
import { decodeUtf8 } from '../../../../runtime/config/utf8.js';

t.test('valid UTF-8 is decoded; the first invalid line is named with its bytes', async (t) => {
  t.equal(decodeUtf8(Buffer.from('[DEFAULT]\nname = café\n'), 'c.conf'), '[DEFAULT]\nname = café\n');
  const latin1 = Buffer.concat([Buffer.from('[DEFAULT]\nok = 1\nname = caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
  t.throws(() => decodeUtf8(latin1, 'c.conf'), {
    name: 'ConfigError', file: 'c.conf', line: 3,
    message: 'c.conf:3: not valid UTF-8 (oslo.config reads files as UTF-8; convert it, e.g. with iconv): bytes 6e 61 6d 65 20 3d 20 63 61 66 e9',
  });
});
