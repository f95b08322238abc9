// A failed image build fails loudly, with mmdebstrap's reason, and leaves no image that could pass for a
// cached one (needs the container engine, like the scenarios).

import t from 'tap';
import { chooseEngine, ensureEngineReady, runEngine } from './engine.js';
import { imageTag } from './image-recipe.js';
import { buildImage } from './images.js';
import { matrix, type MatrixRow } from './matrix.js';
import { cacheDir } from './paths.js';

t.setTimeout(5 * 60_000);

const base = matrix.find((row) => row.id === 'bookworm-sysvinit') as MatrixRow;
const broken: MatrixRow = { ...base, id: 'broken-recipe' };
// nothing listens on port 9 of localhost: apt-get update fails within seconds, without the network
const unreachableMirror = 'http://127.0.0.1:9/debian';

t.test('a build that mmdebstrap cannot do throws and leaves no tagged image', async (t) => {
  const engine = chooseEngine();
  await ensureEngineReady(engine, cacheDir());
  const options = { engine, mirror: unreachableMirror, logDir: cacheDir() };
  await t.rejects(buildImage(broken, options), {
    name: 'HarnessError',
    message: new RegExp(
      `^cannot build the image of row broken-recipe: mmdebstrap exited with \\d+; log: .*build-broken-recipe\\.log; last lines:\\n[^]*apt-get update[^]*failed`,
    ),
  });
  for (const tag of [imageTag(broken), `${imageTag(broken)}-partial`]) {
    t.not((await runEngine(engine, ['image', 'inspect', tag])).exitCode, 0, `no image ${tag}`);
  }
});
