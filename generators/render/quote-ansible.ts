// Quoting for Ansible's YAML: a manifest value becomes a literal string Ansible never templates.

/**
 * `value` as a YAML double-quoted scalar tagged `!unsafe`: JSON's string syntax is valid YAML, and the tag
 * keeps Ansible from reading `{{ … }}` or `{% … %}` inside it as Jinja.
 */
export function quoteAnsibleLiteral(value: string): string {
  return `!unsafe ${JSON.stringify(value)}`;
}
