// `npm run rpm-macros`: builds reloadkit-rpm-macros-<version>.noarch.rpm into dist/ (or the directory given).
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { rpmPackager } from '../rpm/packager.js';
import { findMacrosFile, planRpmMacrosPackage } from './package.js';

/** The date of the macros' changelog entry, and so of the package's timestamps (reproducible). */
export const MACROS_RELEASE_DATE = '2026-12-01';

const outDir = resolve(process.argv[2] ?? 'dist');
const root = resolve(findMacrosFile(), '..', '..', '..');
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
await mkdir(outDir, { recursive: true });
process.stderr.write(`rpm-macros: building reloadkit-rpm-macros ${version}\n`);
const spec = await planRpmMacrosPackage({ version, date: MACROS_RELEASE_DATE });
const written = await rpmPackager.build(spec, { outDir, sourceDateEpoch: Math.floor(Date.parse(`${MACROS_RELEASE_DATE}T00:00:00Z`) / 1000) });
process.stdout.write(`${written}\n`);
