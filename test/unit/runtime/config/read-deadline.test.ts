// A read that does not return within its deadline fails naming the path, is remembered until it returns,
// and the path is not read again meanwhile (each stuck read holds a thread of the process).
import t from 'tap';
import { countAbandonedReads, readWithDeadline } from '../../../../runtime/config/read-deadline.js';
import { holdWork } from '../../../helpers/fake-drivers.js';

t.test('a read in time gives its value; its failure passes through', async (t) => {
  t.equal(await readWithDeadline('/etc/x.conf', 1000, async (path) => `read ${path}`), 'read /etc/x.conf');
  await t.rejects(readWithDeadline('/etc/x.conf', 1000, async () => { throw new Error('EIO'); }), { message: 'EIO' });
  t.equal(countAbandonedReads(), 0);
});

t.test('a read past its deadline is abandoned; the same path is refused until that read returns', async (t) => {
  const stuck = holdWork();
  let calls = 0;
  const read = async (path: string) => { calls += 1; await stuck.promise; return path; };
  await t.rejects(readWithDeadline('/mnt/nfs/cinder.conf', 30, read), {
    name: 'ConfigError', file: '/mnt/nfs/cinder.conf',
    message: '/mnt/nfs/cinder.conf: cannot read config file: not read within 0.03 s: abandoned (is its file system answering?); nothing of it is used',
  });
  t.equal(countAbandonedReads(), 1);
  await t.rejects(readWithDeadline('/mnt/nfs/cinder.conf', 30, read, 'config directory'), {
    message: /^\/mnt\/nfs\/cinder.conf: cannot read config directory: an earlier read of it, started 0 s ago, has not returned; not reading it again until it does$/,
  });
  t.equal(calls, 1, 'the second read was not started');
  t.equal(await readWithDeadline('/elsewhere.conf', 30, async (path) => path), '/elsewhere.conf', 'other paths are read');
  stuck.finish();
  await new Promise((resolve) => setTimeout(resolve, 5));
  t.equal(countAbandonedReads(), 0, 'forgotten once it returned');
  t.equal(await readWithDeadline('/mnt/nfs/cinder.conf', 30, read), '/mnt/nfs/cinder.conf');
  t.equal(calls, 2);
});
