// Template rendering: found from source, no HTML escaping, strict about missing names.
import t from 'tap';
import { findTemplatesDirectory, renderTemplate } from '../../../../generators/render/handlebars.js';

t.test('templates are found next to the sources', async (t) => {
  t.match(findTemplatesDirectory(), /templates$/);
});

t.test('nothing is HTML-escaped', async (t) => {
  const out = renderTemplate('runit/log-run.hbs', { name: 'a"b<c>&', logDirectory: '/var/log/runit/x' });
  t.match(out, 'Log service of a"b<c>&:');
});

t.test('a name missing from the view is an error naming the template', async (t) => {
  t.throws(() => renderTemplate('runit/log-run.hbs', { name: 'x' }), { message: /^cannot render template runit\/log-run\.hbs: "logDirectory" not defined/ });
  t.throws(() => renderTemplate('nope/missing.hbs', {}), { message: /^cannot read template nope\/missing\.hbs/ });
});

t.test('partials from templates/partials/ are shared, and a multi-line argument keeps its value', async (t) => {
  const view = {
    name: 'svc',
    logDirectory: '/var/log/runit/svc',
    reloadClient: { seconds: '30', killAfter: 5, runAs: [], command: ['/usr/bin/svc', 'reload', 'a\nb'] },
  };
  const out = renderTemplate('runit/control-h.hbs', view);
  t.match(out, "\ntimeout --kill-after=5 30 /usr/bin/svc reload 'a\nb'\nstatus=$?\n", 'the partial, its quoted newline not indented');
  t.match(out, '\techo "svc: reload failed (exit $status); the service keeps running with its previous configuration" >&2\n');
});
