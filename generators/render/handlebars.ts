// The one place Handlebars is set up: templates are found under templates/, compiled without HTML escaping;
// every templates/partials/<name>.hbs is the partial `{{> <name>}}` of every template. Partials are not
// re-indented (preventIndent): a quoted argument may span lines, and indenting them would change its value.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { quoteAnsibleLiteral } from './quote-ansible.js';
import { quoteShellWord, quoteShellWords } from './quote-shell.js';
import { escapeSystemdValue, quoteSystemdCommand } from './quote-systemd.js';

const engine = Handlebars.create();
engine.registerHelper('sh', (value: string) => quoteShellWord(String(value)));
engine.registerHelper('shWords', (values: string[]) => quoteShellWords(values));
engine.registerHelper('systemdCommand', (values: string[]) => quoteSystemdCommand(values));
engine.registerHelper('systemdValue', (value: string) => escapeSystemdValue(String(value)));
engine.registerHelper('ansibleLiteral', (value: string) => quoteAnsibleLiteral(String(value)));
engine.registerHelper('json', (value: unknown) => JSON.stringify(value));
engine.registerHelper('join', (values: string[], separator: string) => values.join(separator));
engine.registerHelper('eq', (left: unknown, right: unknown) => left === right);

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** The templates/ folder, from source (generators/render/) or from the build output (build/generators/render/). */
export function findTemplatesDirectory(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const tried = [resolve(here, '../../templates'), resolve(here, '../../../templates')];
  const found = tried.find((candidate) => existsSync(join(candidate, 'systemd')));
  if (!found) throw new Error(`cannot find the templates folder; tried ${tried.join(', ')}`);
  return found;
}

/** Folder of the shared partials, relative to templates/. */
export const PARTIALS_FOLDER = 'partials';

let partialsRegistered = false;

/** Registers templates/partials/*.hbs once, each under its file name without `.hbs`. */
function registerPartials(templates: string): void {
  if (partialsRegistered) return;
  const folder = join(templates, PARTIALS_FOLDER);
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.hbs'))) {
    const source = readFileSync(join(folder, file), 'utf8');
    engine.registerPartial(file.slice(0, -'.hbs'.length), engine.compile(source, { noEscape: true, strict: true, preventIndent: true }));
  }
  partialsRegistered = true;
}

/** Renders `templates/<name>` (e.g. `systemd/service.hbs`) with `view`; a name missing from `view` is an error. */
export function renderTemplate(name: string, view: object): string {
  let template = compiled.get(name);
  if (!template) {
    const templates = findTemplatesDirectory();
    registerPartials(templates);
    const file = join(templates, name);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read template ${name} (${file})`, { cause: error });
    }
    template = engine.compile(source, { noEscape: true, strict: true, preventIndent: true });
    compiled.set(name, template);
  }
  try {
    return template(view);
  } catch (error) {
    throw new Error(`cannot render template ${name}: ${(error as Error).message}`, { cause: error });
  }
}

/** The text of `templates/<name>` as it is: a file that holds no manifest value (Ansible's own Jinja stays untouched). */
export function readStaticTemplate(name: string): string {
  const file = join(findTemplatesDirectory(), name);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read template ${name} (${file})`, { cause: error });
  }
}
