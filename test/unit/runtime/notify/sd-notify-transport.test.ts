// The systemd-notify transport's errors: a missing command and a failing one are named, never thrown past the sink.
import t from 'tap';
import { createCommandTransport, loadAddonTransport } from '../../../../runtime/notify/sd-notify-transport.js';

t.test('a missing command is named', async (t) => {
  const transport = createCommandTransport('/tmp/x.sock', 1, 'no-such-systemd-notify');
  await t.rejects(transport.send('READY=1'), {
    message: 'cannot send "READY=1" to NOTIFY_SOCKET /tmp/x.sock with no-such-systemd-notify: no-such-systemd-notify is not installed (not found in PATH)',
  });
});

t.test('a failing command reports its exit code and stderr', async (t) => {
  const transport = createCommandTransport('/tmp/x.sock', 1, 'false');
  await t.rejects(transport.send('READY=1\nSTATUS=x'), { message: 'cannot send "READY=1\\nSTATUS=x" to NOTIFY_SOCKET /tmp/x.sock with false: exited with 1' });
});

t.test('the addon cannot address abstract sockets', async (t) => {
  t.equal(await loadAddonTransport('@abstract'), undefined);
  t.equal((await loadAddonTransport('/run/systemd/notify'))?.kind, 'unix-dgram', 'the addon loads here (npm ci builds it)');
});
