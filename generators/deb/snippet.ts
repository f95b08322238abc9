// One maintainer-script snippet: a template from templates/deb/, wrapped in debhelper-style markers.
import { wrapInSnippetMarkers } from '../package-plan/snippet-markers.js';
import { renderTemplate } from '../render/handlebars.js';

/** Renders `templates/deb/<name>.hbs` with `view` between the markers. */
export function renderSnippet(name: string, view: object): string {
  const body = renderTemplate(`deb/${name}.hbs`, view).trimEnd();
  return wrapInSnippetMarkers(body);
}

/** Renders a template piece that snippets embed (no markers, no trailing newline). */
export function renderPiece(name: string, view: object): string {
  return renderTemplate(`deb/${name}.hbs`, view).trimEnd();
}
