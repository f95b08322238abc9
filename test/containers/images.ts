// Makes sure every row's image exists in the engine's store: reuses the image tagged with the row's recipe
// hash, or builds it with mmdebstrap from Debian's archive and imports it (at most two builds at a time).

import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { followBuild } from './build-progress.js';
import { type Engine, runEngine } from './engine.js';
import { HarnessError } from './errors.js';
import { harnessLabel, imageTag, importArgs, mmdebstrapArgs } from './image-recipe.js';
import { mapWithLimit } from './limit.js';
import { logProgress } from './log.js';
import type { MatrixRow } from './matrix.js';
import { findExecutable } from './paths.js';
import { withProcessLock } from './process-lock.js';

// How many images are built at once (each build keeps one core busy).
export const parallelBuilds = 2;

// What ensureImages needs to know besides the rows.
export interface ImageOptions {
  engine: Engine;
  mirror: string;
  /** build logs go here */
  logDir: string;
  /** build even when a cached image exists (RELOADKIT_REBUILD_IMAGES=1) */
  rebuild?: boolean;
}

// How each row's image was obtained and how long it took.
export interface ImageOutcome {
  row: string;
  tag: string;
  built: boolean;
  seconds: number;
}

async function imageExists(engine: Engine, tag: string): Promise<boolean> {
  return (await runEngine(engine, ['image', 'inspect', tag])).exitCode === 0;
}

function waitForExit(child: ReturnType<typeof spawn>): Promise<number> {
  return new Promise((resolve) => {
    child.on('error', () => resolve(-1));
    child.on('close', (code) => resolve(code ?? -1));
  });
}

// Builds the row's image: mmdebstrap writes a tar to stdout, the engine imports it under a temporary tag
// that is renamed only when both succeeded, so a failed build never leaves an image that looks cached.
export async function buildImage(row: MatrixRow, options: ImageOptions): Promise<void> {
  const tag = imageTag(row);
  const temporaryTag = `${tag}-partial`;
  const args = mmdebstrapArgs(row, options.mirror);
  const build = spawn('mmdebstrap', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const importer = spawn(options.engine.client, importArgs(row).map((arg) => (arg === tag ? temporaryTag : arg)), {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // an import that dies early makes writes fail with EPIPE; its exit code reports the failure
  importer.stdin.on('error', () => {});
  build.stdout.pipe(importer.stdin);
  let importOutput = '';
  importer.stdout.on('data', (chunk: Buffer) => (importOutput += chunk.toString()));
  importer.stderr.on('data', (chunk: Buffer) => (importOutput += chunk.toString()));
  const progress = followBuild(`image ${row.id}`, build.stderr);
  const [buildCode, importCode] = await Promise.all([waitForExit(build), waitForExit(importer)]);
  const lines = progress.stop();
  const logFile = join(options.logDir, `build-${row.id}.log`);
  mkdirSync(options.logDir, { recursive: true });
  writeFileSync(logFile, `mmdebstrap ${args.join(' ')}\n${lines.join('\n')}\n--- import ---\n${importOutput}`);
  if (buildCode !== 0 || importCode !== 0) {
    await runEngine(options.engine, ['rmi', '--force', temporaryTag]);
    const failed = buildCode !== 0 ? `mmdebstrap exited with ${buildCode}` : `${options.engine.name} import exited with ${importCode}`;
    throw new HarnessError(
      `cannot build the image of row ${row.id}: ${failed}; log: ${logFile}; last lines:\n` +
        [...lines.slice(-20), importOutput.trim()].join('\n'),
    );
  }
  const retag = await runEngine(options.engine, ['tag', temporaryTag, tag]);
  await runEngine(options.engine, ['rmi', temporaryTag]);
  if (retag.exitCode !== 0) {
    throw new HarnessError(`cannot tag the image of row ${row.id} as ${tag}: ${String(retag.stderr).trim()}`);
  }
}

// Removes the row's images built from older recipes (ignoring those still in use).
async function removeStaleImages(row: MatrixRow, engine: Engine): Promise<void> {
  const listed = await runEngine(engine, [
    'images', '--filter', `label=${harnessLabel}.row=${row.id}`, '--format', '{{.Repository}}:{{.Tag}}',
  ]);
  const stale = String(listed.stdout).split('\n').filter((tag) => tag && tag !== imageTag(row));
  for (const tag of stale) await runEngine(engine, ['rmi', tag]);
}

// Returns each row's image tag, building the missing ones (two at a time) and printing progress.
export async function ensureImages(rows: readonly MatrixRow[], options: ImageOptions): Promise<ImageOutcome[]> {
  mkdirSync(options.logDir, { recursive: true });
  return mapWithLimit(rows, parallelBuilds, (row) =>
    withProcessLock(options.logDir, `image-${row.id}`, () => ensureImage(row, options)),
  );
}

async function ensureImage(row: MatrixRow, options: ImageOptions): Promise<ImageOutcome> {
  const tag = imageTag(row);
  const startedAt = Date.now();
  if (!options.rebuild && (await imageExists(options.engine, tag))) {
    logProgress(`image ${row.id}`, `cached as ${tag}`);
    return { row: row.id, tag, built: false, seconds: 0 };
  }
  if (!findExecutable('mmdebstrap', `${process.env['PATH'] ?? ''}:/usr/bin`)) {
    throw new HarnessError(
      `cannot build the image of row ${row.id}: mmdebstrap is not installed; ` +
        "install Debian's mmdebstrap as root: bash scripts/install-deps.sh",
    );
  }
  logProgress(`image ${row.id}`, `building ${tag} from Debian ${row.suite} (about a minute)`);
  await buildImage(row, options);
  await removeStaleImages(row, options.engine);
  const seconds = Math.round((Date.now() - startedAt) / 1000);
  logProgress(`image ${row.id}`, `built ${tag} in ${seconds} s`);
  return { row: row.id, tag, built: true, seconds };
}
