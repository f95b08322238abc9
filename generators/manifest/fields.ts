// Field schemas shared by the manifest definition: each one carries the single "expected …" text its errors show.
import { z } from 'zod';

/** A schema for text matching `pattern`, whose every error says `expected <what>`. */
export function matching(pattern: RegExp, what: string) {
  const error = `expected ${what}`;
  return z.string({ error }).regex(pattern, { error });
}

/** One line of human-readable text: no control characters, no surrounding spaces, no trailing backslash. */
export const oneLineText = matching(
  // eslint-disable-next-line no-control-regex
  /^[^\s\x00-\x1f\x7f](?:[^\x00-\x1f\x7f]*[^\s\\\x00-\x1f\x7f])?$/,
  'one line of text (no newlines or control characters, no surrounding spaces, no trailing "\\")',
);

/** A positive whole number of seconds (or count). */
export const positiveInteger = z
  .number({ error: 'expected a positive integer' })
  .int({ error: 'expected a positive integer' })
  .positive({ error: 'expected a positive integer' });

/**
 * An absolute path. Paths are written into unit files, shell scripts and package metadata alike, so they
 * are kept to characters that need no quoting anywhere (arguments, by contrast, may hold anything).
 */
export const absolutePath = matching(
  /^(?!.*\/\.\.?(\/|$))\/[A-Za-z0-9._+@:/-]*$/,
  'an absolute path made of letters, digits and . _ + @ : - / (no spaces, no shell characters, no "." or ".." segments)',
);

/** A directory name below /run, /var/lib or /var/log, as systemd's RuntimeDirectory= and friends take it. */
export const relativeDirectory = matching(
  /^(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._+@-]+(\/[A-Za-z0-9._+@-]+)*$/,
  'a relative directory name such as "cinder" or "cinder/volume" (no leading "/", no "." or "..")',
);

/** A POSIX user or group name as Debian's adduser accepts it. */
export const accountName = matching(
  /^[a-z_][a-z0-9_-]{0,31}$/,
  'a user or group name: lower-case letters, digits, "_" and "-", starting with a letter or "_", at most 32 characters',
);

/** A service name: usable as a unit name, an init script name, a runit directory and a process title. */
export const serviceName = matching(
  /^[a-z0-9][a-z0-9._-]{0,63}$/,
  'a service name: lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters',
);

/** A systemd unit name for ordering and dependencies, e.g. `network-online.target`, `postgresql.service`. */
export const unitName = matching(
  /^[A-Za-z0-9:_.\\-]+(@[A-Za-z0-9:_.\\-]*)?\.(service|socket|target|mount|automount|swap|path|timer|slice|scope|device)$/,
  'a systemd unit name such as "network-online.target" or "postgresql.service"',
);

/** Free-form command-line arguments: anything but NUL, which no argv can carry. */
export const argument = matching(/^[^\x00]*$/, 'a command-line argument (text without NUL characters)');

/** A command line as an argument vector: the first element is an absolute path to the program. */
export const commandVector = z.tuple([absolutePath], argument, {
  error: 'expected a command as a list: [/absolute/program, arg, …]',
});

/** Unix permissions as octal text, e.g. `0640` (quoted in YAML: YAML 1.2 reads 0640 as the decimal 640). */
export const fileMode = matching(/^0?[0-7]{3}$/, 'permissions as quoted octal text such as "0640"');

/** Prose of one or more paragraphs separated by blank lines (newlines fold like spaces); surrounding space dropped. */
export const longText = z
  .string({ error: 'expected text of paragraphs separated by blank lines, without tabs or other control characters' })
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\x00-\x09\x0b-\x1f\x7f]*$/, { error: 'expected text of paragraphs separated by blank lines, without tabs or other control characters' })
  .transform((text) => text.trim())
  .pipe(z.string().min(1, { error: 'expected text of paragraphs separated by blank lines, not only blank space' }));

/** An SPDX licence identifier or expression, e.g. `Apache-2.0`, `MIT OR Apache-2.0`, `GPL-2.0-or-later`. */
export const spdxLicense = matching(
  /^\(?[A-Za-z0-9][A-Za-z0-9.+-]*\)?( (AND|OR|WITH) \(?[A-Za-z0-9][A-Za-z0-9.+-]*\)?)*$/,
  'an SPDX licence identifier or expression such as "Apache-2.0" or "MIT OR Apache-2.0"',
);

/** The sections of the Debian archive (Debian policy 2.4), as `Section:` takes them. */
export const DEBIAN_SECTIONS: readonly string[] = [
  'admin', 'cli-mono', 'comm', 'database', 'debug', 'devel', 'doc', 'editors', 'education', 'electronics', 'embedded',
  'fonts', 'games', 'gnome', 'gnu-r', 'gnustep', 'golang', 'graphics', 'hamradio', 'haskell', 'httpd', 'interpreters',
  'introspection', 'java', 'javascript', 'kde', 'kernel', 'libdevel', 'libs', 'lisp', 'localization', 'mail', 'math',
  'metapackages', 'misc', 'net', 'news', 'ocaml', 'oldlibs', 'otherosfs', 'perl', 'php', 'python', 'ruby', 'rust',
  'science', 'shells', 'sound', 'tasks', 'tex', 'text', 'utils', 'vcs', 'video', 'web', 'x11', 'xfce', 'zope',
];

/** A Debian section, optionally in an archive area: `net`, `contrib/utils`. */
export const debianSection = matching(
  new RegExp(`^((contrib|non-free|non-free-firmware)/)?(${DEBIAN_SECTIONS.join('|')})$`),
  'a Debian archive section such as "net", "admin", "utils" or "misc" (optionally "contrib/" or "non-free/" before it)',
);
