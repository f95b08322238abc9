// The image the fleet's hosts run: the container matrix's Debian 12 systemd row with python3 added (Ansible's
// modules run on the target with it), built and cached by the matrix's own recipe under a row id of its own.

import { removeLeftoverContainers } from '../containers/cleanup.js';
import { findDebianMirror } from '../containers/debian-mirror.js';
import { chooseEngine, type Engine, ensureEngineReady } from '../containers/engine.js';
import { HarnessError } from '../containers/errors.js';
import { ensureImages } from '../containers/images.js';
import { type MatrixRow, matrix } from '../containers/matrix.js';
import { cacheDir } from '../containers/paths.js';

/** The matrix row the fleet's image derives from. */
export const FLEET_BASE_ROW = 'bookworm-systemd';

/** The base row plus python3 (full, not python3-minimal: Ansible's modules need the standard library). */
export function fleetRow(rows: readonly MatrixRow[] = matrix): MatrixRow {
  const base = rows.find((row) => row.id === FLEET_BASE_ROW);
  if (!base) throw new HarnessError(`the container matrix has no row ${FLEET_BASE_ROW}, which the fleet tests' hosts run`);
  return { ...base, id: `${base.id}-python`, description: `${base.description}, with python3 for Ansible`, include: [...base.include, 'python3'] };
}

/** What the fleet tests get: the engine, the row and its image's tag. */
export interface FleetImage {
  engine: Engine;
  row: MatrixRow;
  image: string;
}

/** Makes the engine answer, removes leftovers of earlier runs, and builds (or reuses) the fleet's image. */
export async function prepareFleetImage(env: NodeJS.ProcessEnv = process.env): Promise<FleetImage> {
  const engine = chooseEngine(env);
  const logDir = cacheDir(env);
  await ensureEngineReady(engine, logDir);
  await removeLeftoverContainers(engine);
  const row = fleetRow();
  const [outcome] = await ensureImages([row], { engine, mirror: findDebianMirror(env), logDir, rebuild: env['RELOADKIT_REBUILD_IMAGES'] === '1' });
  return { engine, row, image: outcome!.tag };
}
