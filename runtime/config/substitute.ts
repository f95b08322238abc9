// oslo.config's `$` substitution syntax (cfg.ConfigOpts._substitute, a string.Template with oslo's idpattern).

/**
 * `$name`, `${name}` (names may hold dots: `$group.opt`), `$$` for a dollar sign, `\$` read as `$$`.
 * A `$` that starts no name is kept as written (safe_substitute). `lookup` gets each name and returns its
 * text, or throws.
 */
export function substituteTemplate(value: string, lookup: (name: string) => string): string {
  if (!value.includes('$')) return value;
  const text = value.split('\\$').join('$$');
  return text.replace(PLACEHOLDER, (match: string, escaped?: string, named?: string, braced?: string) => {
    if (escaped !== undefined) return '$';
    const name = named ?? braced;
    return name === undefined ? match : lookup(name);
  });
}

/** string.Template's pattern with oslo's idpattern `[_a-z][\._a-z0-9]*`, case-insensitive as Template's flags are. */
const PLACEHOLDER = /\$(?:(\$)|([_a-z][._a-z0-9]*)|\{([_a-z][._a-z0-9]*)\}|)/gi;

/** Splits a name as oslo's StrSubWrapper does: at the first dot into group and option, else option alone. */
export function splitReference(name: string): { group?: string; option: string } {
  const dot = name.indexOf('.');
  return dot < 0 ? { option: name } : { group: name.slice(0, dot), option: name.slice(dot + 1) };
}
