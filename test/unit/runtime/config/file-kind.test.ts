// What a path is, in the words the refusals use.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeFileKind, wrongKindProblem } from '../../../../runtime/config/file-kind.js';

t.test('each kind of file, from real stat results', async (t) => {
  const dir = t.testdir({ 'file.conf': '', 'link.conf': t.fixture('symlink', 'file.conf') });
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  t.same([
    describeFileKind(statSync(join(dir, 'file.conf'))), describeFileKind(statSync(dir)), describeFileKind(statSync(join(dir, 'fifo'))),
    describeFileKind(statSync('/dev/null')), describeFileKind(lstatSync(join(dir, 'link.conf'))),
  ], ['a regular file', 'a directory', 'a FIFO (named pipe)', 'a character device', 'a symbolic link']);
  t.equal(wrongKindProblem(statSync(dir), 'a regular file'), 'is a directory, expected a regular file');
  t.equal(wrongKindProblem(statSync(join(dir, 'file.conf')), 'a directory'), 'is a regular file, expected a directory');
});
