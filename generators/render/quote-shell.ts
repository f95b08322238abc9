// POSIX shell quoting: any string becomes one word that the shell passes on unchanged.

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes `value` as one POSIX shell word: bare when it is plainly safe, otherwise in single quotes. */
export function quoteShellWord(value: string): string {
  if (value.includes('\0')) throw new Error(`cannot quote ${JSON.stringify(value)} for the shell: it contains a NUL character`);
  if (SAFE_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Quotes every element and joins them with spaces: an argument vector as shell source text. */
export function quoteShellWords(values: readonly string[]): string {
  return values.map(quoteShellWord).join(' ');
}
