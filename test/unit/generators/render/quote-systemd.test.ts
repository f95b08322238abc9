// systemd quoting: specifiers and variables doubled, C escapes inside double quotes.
import t from 'tap';
import { escapeSystemdValue, quoteSystemdCommand, quoteSystemdWord } from '../../../../generators/render/quote-systemd.js';

t.test('command words', async (t) => {
  t.equal(quoteSystemdWord('/usr/bin/x'), '/usr/bin/x');
  t.equal(quoteSystemdWord('100%'), '"100%%"');
  t.equal(quoteSystemdWord('$HOME ${X}'), '"$$HOME $${X}"');
  t.equal(quoteSystemdWord('say "hi"\\'), '"say \\"hi\\"\\\\"');
  t.equal(quoteSystemdWord('a\nb\tc\x01'), '"a\\nb\\tc\\x01"');
  t.equal(quoteSystemdWord(';'), '";"', 'a quoted ; is an argument, not a command separator');
  t.equal(quoteSystemdWord(''), '""');
  t.equal(quoteSystemdCommand(['/usr/bin/x', 'a b', '%n']), '/usr/bin/x "a b" "%%n"');
});

t.test('setting values', async (t) => {
  t.equal(escapeSystemdValue('100% done $HOME'), '100%% done $HOME');
  t.throws(() => escapeSystemdValue('two\nlines'), {
    message: 'cannot write "two\\nlines" as a unit file value: expected one line without control characters or a trailing "\\"',
  });
  t.throws(() => escapeSystemdValue('ends\\'));
});
