// The entry point scenarios use: pick the engine and make it answer, remove leftovers of earlier runs,
// and make sure the selected rows' images exist. Everything a scenario file needs in one call.

import { removeLeftoverContainers } from './cleanup.js';
import { findDebianMirror } from './debian-mirror.js';
import { chooseEngine, type Engine, ensureEngineReady } from './engine.js';
import { ensureImages, type ImageOutcome } from './images.js';
import { logProgress } from './log.js';
import { type MatrixRow, selectRows } from './matrix.js';
import { cacheDir } from './paths.js';

// What a scenario gets back: the engine, the rows to run and each row's image tag.
export interface PreparedMatrix {
  engine: Engine;
  rows: MatrixRow[];
  images: Map<string, string>;
  outcomes: ImageOutcome[];
}

// Prepares the rows selected by RELOADKIT_CONTAINER_ROWS (all when unset); throws a HarnessError saying
// what is missing when this machine cannot run containers.
export async function prepareMatrix(env: NodeJS.ProcessEnv = process.env): Promise<PreparedMatrix> {
  const rows = selectRows(env['RELOADKIT_CONTAINER_ROWS']);
  const engine = chooseEngine(env);
  const logDir = cacheDir(env);
  await ensureEngineReady(engine, logDir);
  await removeLeftoverContainers(engine);
  const mirror = findDebianMirror(env);
  const startedAt = Date.now();
  const outcomes = await ensureImages(rows, {
    engine,
    mirror,
    logDir,
    rebuild: env['RELOADKIT_REBUILD_IMAGES'] === '1',
  });
  logProgress('images', `${outcomes.length} ready in ${Math.round((Date.now() - startedAt) / 1000)} s`);
  return { engine, rows, images: new Map(outcomes.map((outcome) => [outcome.row, outcome.tag])), outcomes };
}
