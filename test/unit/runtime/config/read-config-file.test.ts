// A config file the reader will not be held by: every kind of path that is not a regular file is refused
// saying what it is, without blocking; a file above the bound is refused before it is read, one that
// grows past it while it is read is refused as soon as the bound is passed; a file whose content does not
// match what fstat said (it changed while being read) is read again, then refused saying so.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { formatBytes, MAX_CONFIG_FILE_BYTES, readConfigFile } from '../../../../runtime/config/read-config-file.js';

t.test('a regular file is read whole', async (t) => {
  const dir = t.testdir({ 'a.conf': '[DEFAULT]\nx = 1\n' });
  t.equal((await readConfigFile(join(dir, 'a.conf'))).toString(), '[DEFAULT]\nx = 1\n');
  t.equal((await readConfigFile(join(dir, 'a.conf'), { maxBytes: 16 })).length, 16, 'a file exactly at the bound is read');
});

t.test('a FIFO is refused at once, whether or not anything writes to it', async (t) => {
  const dir = t.testdir({});
  const fifo = join(dir, 'cinder.conf');
  execFileSync('mkfifo', [fifo]);
  // A blocking open() would never return: the rejection arriving at all is the check.
  await t.rejects(readConfigFile(fifo), { message: `${fifo}: cannot read config file: is a FIFO (named pipe), expected a regular file`, file: fifo });
});

t.test('devices, sockets and directories are refused saying what they are; a symlink names its target', async (t) => {
  const dir = t.testdir({ 'conf.d': {} });
  const zero = join(dir, 'zero.conf');
  symlinkSync('/dev/zero', zero);
  await t.rejects(readConfigFile(zero), { message: `${zero}: cannot read config file: is a character device, expected a regular file (a symbolic link to /dev/zero)` });
  await t.rejects(readConfigFile('/dev/null'), { message: '/dev/null: cannot read config file: is a character device, expected a regular file' });
  await t.rejects(readConfigFile(join(dir, 'conf.d')), { message: `${join(dir, 'conf.d')}: cannot read config file: is a directory, expected a regular file` });
  const socketDir = mkdtempSync(join(tmpdir(), 'rk-sock-')); // short: a socket path has at most 107 bytes
  t.teardown(() => rmSync(socketDir, { recursive: true, force: true }));
  const socketPath = join(socketDir, 'sock.conf');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  t.teardown(() => server.close());
  // open() of a unix socket fails with ENXIO: the message says what the path is all the same.
  await t.rejects(readConfigFile(socketPath), { message: `${socketPath}: cannot read config file: is a socket, expected a regular file` });
});

t.test('a file above the bound is refused before it is read (16 MiB by default)', async (t) => {
  const dir = t.testdir({ 'small.conf': 'x'.repeat(2000) });
  t.equal(MAX_CONFIG_FILE_BYTES, 16 * 1024 * 1024);
  await t.rejects(readConfigFile(join(dir, 'small.conf'), { maxBytes: 1024 }), {
    message: `${join(dir, 'small.conf')}: cannot read config file: is 2000 bytes, more than the 1 KiB a config file may have`,
  });
  const huge = join(dir, 'huge.conf');
  writeFileSync(huge, '');
  truncateSync(huge, MAX_CONFIG_FILE_BYTES + 1); // sparse: costs no disk
  await t.rejects(readConfigFile(huge), { message: `${huge}: cannot read config file: is ${MAX_CONFIG_FILE_BYTES + 1} bytes, more than the 16 MiB a config file may have` });
});

t.test('content beyond what fstat said: refused the moment the bound is passed, else read again and refused', async (t) => {
  // /proc files report size 0 and then deliver content: to the reader exactly what a file growing while it
  // is read looks like, on every attempt.
  await t.rejects(readConfigFile('/proc/self/maps', { maxBytes: 64 }), {
    message: '/proc/self/maps: cannot read config file: it grew past the 64 bytes a config file may have while it was read',
  });
  await t.rejects(readConfigFile('/proc/self/status', { attempts: 2 }), {
    message: '/proc/self/status: cannot read config file: it changed while it was read, 2 times in a row (something is writing it in place; write a new file and rename it over the old one)',
  });
});

t.test('formatBytes', async (t) => {
  t.same([formatBytes(16 * 1024 * 1024), formatBytes(8192), formatBytes(1000)], ['16 MiB', '8 KiB', '1000 bytes']);
});
