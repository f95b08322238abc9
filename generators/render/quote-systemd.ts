// Quoting for systemd unit files: command lines (ExecStart=…) and plain setting values.

const SAFE_WORD = /^[A-Za-z0-9_@+=:,./-]+$/;

/** Escapes one argument for an Exec*= line: specifiers (%) and variables ($) doubled, C escapes in quotes. */
export function quoteSystemdWord(value: string): string {
  if (value.includes('\0')) throw new Error(`cannot write ${JSON.stringify(value)} into a unit file: it contains a NUL character`);
  if (SAFE_WORD.test(value)) return value;
  let quoted = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '%') quoted += '%%';
    else if (char === '$') quoted += '$$';
    else if (char === '\\') quoted += '\\\\';
    else if (char === '"') quoted += '\\"';
    else if (char === '\n') quoted += '\\n';
    else if (char === '\t') quoted += '\\t';
    else if (char === '\r') quoted += '\\r';
    else if (code < 0x20 || code === 0x7f) quoted += `\\x${code.toString(16).padStart(2, '0')}`;
    else quoted += char;
  }
  return `"${quoted}"`;
}

/** An argument vector as the value of an Exec*= setting. */
export function quoteSystemdCommand(argv: readonly string[]): string {
  return argv.map(quoteSystemdWord).join(' ');
}

/**
 * A one-line setting value (Description=, paths): `%` doubled so no specifier expands. Newlines and a
 * trailing backslash would change the file's structure, so they are refused rather than guessed at.
 */
export function escapeSystemdValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value) || value.endsWith('\\')) {
    throw new Error(
      `cannot write ${JSON.stringify(value)} as a unit file value: expected one line without control characters or a trailing "\\"`,
    );
  }
  return value.replace(/%/g, '%%');
}
