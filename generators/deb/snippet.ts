// One maintainer-script snippet: a template from templates/deb/, wrapped in debhelper-style markers.
import { renderTemplate } from '../render/handlebars.js';

/** First line of every generated snippet. */
export const SNIPPET_START = '# Automatically added by reloadkit';
/** Last line of every generated snippet. */
export const SNIPPET_END = '# End automatically added section';

/** Renders `templates/deb/<name>.hbs` with `view` between the markers. */
export function renderSnippet(name: string, view: object): string {
  const body = renderTemplate(`deb/${name}.hbs`, view).trimEnd();
  return `${SNIPPET_START}\n${body}\n${SNIPPET_END}\n`;
}

/** Renders a template piece that snippets embed (no markers, no trailing newline). */
export function renderPiece(name: string, view: object): string {
  return renderTemplate(`deb/${name}.hbs`, view).trimEnd();
}
