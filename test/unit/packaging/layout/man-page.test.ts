import t from 'tap';
import { renderManPage } from '../../../../packaging/layout/man-page.js';
import { loadCinderPackagingManifest } from '../../../helpers/packaging/cinder-packages.js';
import { runTool } from '../../../../packaging/run-tool.js';

const manifest = await loadCinderPackagingManifest();
const volume = manifest.services[0]!;

t.test('has no version or date, so it stays identical across versions', async (t) => {
  const page = renderManPage(volume, 'cinder');
  t.match(page, /^\.TH CINDER-VOLUME 1 "" "cinder" "User Commands"\n/);
  t.notMatch(page, manifest.package.version);
});

t.test('escapes roff: hyphens, backslashes and a leading dot', async (t) => {
  const page = renderManPage({ ...volume, description: '.hidden \\ back-slash' }, 'cinder');
  t.match(page, 'cinder\\-volume \\- \\&.hidden \\e back\\-slash\n');
});

t.test('man(1) formats it without warnings', async (t) => {
  const dir = t.testdir({ 'cinder-volume.1': renderManPage(volume, 'cinder') });
  const result = await runTool('man', ['--warnings', '-l', '-Tutf8', `${dir}/cinder-volume.1`], {
    env: { MANWIDTH: '80', MAN_KEEP_FORMATTING: '0' },
  });
  t.equal(result.stderr, '');
  t.match(result.stdout.replace(/.\x08/g, ''), 'cinder-volume check-config --config-file FILE...');
});
