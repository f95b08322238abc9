// The debhelper-style markers around every generated maintainer-script snippet, shared by deb and rpm.

/** First line of every generated snippet. */
export const SNIPPET_START = '# Automatically added by reloadkit';
/** Last line of every generated snippet. */
export const SNIPPET_END = '# End automatically added section';

/** `body` (no trailing newline) between the markers, ending in a newline. */
export function wrapInSnippetMarkers(body: string): string {
  return `${SNIPPET_START}\n${body}\n${SNIPPET_END}\n`;
}
