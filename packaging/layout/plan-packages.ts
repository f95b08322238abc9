// Turns manifest + layout + generator output + compiled code into one PackageSpec per binary package.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Manifest, ServiceManifest } from '../../generators/manifest/index.js';
import { planConfigFiles, planDirectories } from '../../generators/package-plan/plan.js';
import type { GeneratedFile } from '../../generators/target.js';
import type { FormatPlanning, FormatRelations } from '../format-planning.js';
import type { Dependency, FileEntry, PackageEntry, PackageSpec } from '../package-spec.js';
import { PackagingError } from '../errors.js';
import { gzipReproducibly } from '../deb/stage.js';
import { findPackager } from '../registry.js';
import { collectCode } from './code-files.js';
import { emptyGeneratedFiles, type GeneratedInputs } from './generated-inputs.js';
import { renderManPage } from './man-page.js';
import type { PackageLayout } from './package-layout.js';

/** Where the inputs of a plan are found. */
export interface PlanInputs {
  manifest: Manifest;
  layout: PackageLayout;
  generated: GeneratedInputs;
  /** Project root: `CopiedFile.from` and lintian override files are relative to it. */
  projectRoot: string;
  /** Output of `tsc` (the `build/` directory). */
  buildDir: string;
  /** Lintian overrides text per package name. */
  lintianOverrides: Map<string, string>;
}

/** A generated file where the format installs it (e.g. rpm: /usr/lib, no LSB init scripts), or undefined. */
function adaptInstalledFile(planning: FormatPlanning, file: GeneratedFile): FileEntry | undefined {
  const path = planning.installedPath(file.path);
  return path === undefined ? undefined : { kind: 'file', path, mode: file.mode, content: file.content };
}

async function codeEntries(inputs: PlanInputs, dirs: string[]): Promise<PackageEntry[]> {
  const entries: PackageEntry[] = [];
  for (const dir of dirs) {
    for (const code of await collectCode(inputs.buildDir, dir)) {
      entries.push({ kind: 'file', path: `${inputs.layout.codeRoot}/${code.path}`, mode: 0o644, content: code.content });
    }
  }
  return entries;
}

/** A field packaging needs that the manifest may leave out, or an error saying where to set it. */
function requirePackageField(manifest: Manifest, field: 'license' | 'copyright', why: string): string {
  const value = manifest.package[field];
  if (value === undefined) throw new PackagingError(`package.${field}: expected a value in the manifest (${why}), got nothing`);
  return value;
}

/** What a service package holds in `format`, as the layout words it for its long description. */
function serviceContents(layout: PackageLayout, format: string): string {
  const contents = layout.serviceContents[format];
  if (contents === undefined) {
    throw new PackagingError(`layout.serviceContents: expected an entry for "${format}", got only ${Object.keys(layout.serviceContents).join(', ')}`);
  }
  return contents;
}

/** Long description paragraphs: what the software (or service) does, then what this package holds. */
function joinDescription(...paragraphs: (string | undefined)[]): string {
  return paragraphs.filter((p): p is string => p !== undefined).join('\n\n');
}

function basePackage(inputs: PlanInputs, name: string, summary: string, description: string): Omit<PackageSpec, 'entries' | 'depends'> {
  const { manifest, layout } = inputs;
  const generated = inputs.generated.get(name) ?? emptyGeneratedFiles();
  return {
    name,
    source: layout.source,
    version: manifest.package.version,
    release: String(manifest.package.revision),
    maintainer: manifest.package.maintainer,
    summary,
    description,
    homepage: manifest.package.homepage,
    license: requirePackageField(manifest, 'license', 'an SPDX identifier for the copyright file and the RPM License tag'),
    copyright: requirePackageField(manifest, 'copyright', 'years and holders for the copyright file'),
    section: manifest.package.section,
    changelog: manifest.package.changelog.map((entry) => ({ ...entry, author: manifest.package.maintainer })),
    debScripts: generated.debScripts,
    rpmScripts: {},
    lintianOverrides: inputs.lintianOverrides.get(name),
  };
}

function launcher(inputs: PlanInputs, service: ServiceManifest, main: string): FileEntry {
  const expected = `/usr/bin/${service.name}`;
  if (service.exec !== expected) {
    throw new PackagingError(`services.${service.name}.exec: expected "${expected}" (the packaged launcher), got "${service.exec}"`);
  }
  const content = `#!/bin/sh\nexec /usr/bin/node ${inputs.layout.codeRoot}/${main} "$@"\n`;
  return { kind: 'file', path: expected, mode: 0o755, content };
}

const nodejs: Dependency = { name: 'nodejs', constraint: { operator: '>=', version: '18' } };

/** `depends` (what every format needs first) plus the format's own relations. */
function withRelations(depends: Dependency[], relations: FormatRelations): Pick<PackageSpec, 'depends' | 'preDepends'> {
  return { depends: [...depends, ...relations.depends], preDepends: relations.preDepends };
}

/**
 * Plans every package for `format` (a registered packager, which knows its format's paths and relations):
 * the common package first, then one per service in manifest order.
 */
export async function planPackages(format: string, inputs: PlanInputs): Promise<PackageSpec[]> {
  const { manifest, layout } = inputs;
  const { planning } = findPackager(format);
  const generated = (name: string) => inputs.generated.get(name) ?? emptyGeneratedFiles();
  const installed = (name: string): FileEntry[] => generated(name).installed.flatMap((f) => adaptInstalledFile(planning, f) ?? []);
  const copied: PackageEntry[] = [];
  const ownedConfigFiles = new Map(planConfigFiles(manifest.services).map((file) => [file.path, file]));
  for (const file of layout.common.files) {
    const content = await readFile(resolve(inputs.projectRoot, file.from)).catch((error: unknown) => {
      throw new PackagingError(`${layout.common.name}: cannot read ${file.from}: ${(error as Error).message}`, { cause: error });
    });
    // deb: the archive is root-owned and the generated postinst hands the file over; rpm: %attr.
    const owned = ownedConfigFiles.get(file.to);
    const attributes = owned ? { mode: parseInt(owned.mode, 8), owner: owned.owner, group: owned.group } : { mode: file.mode ?? 0o644 };
    copied.push({ kind: 'file', path: file.to, ...attributes, content });
  }
  const common: PackageSpec = {
    ...basePackage(inputs, layout.common.name, layout.common.summary, joinDescription(manifest.package.long_description, layout.common.contents)),
    ...withRelations([nodejs], planning.relations(generated(layout.common.name), 'common')),
    entries: [
      // Compiled modules are ES modules: Node needs "type": "module" above them.
      { kind: 'file', path: `${layout.codeRoot}/package.json`, mode: 0o644, content: '{\n  "type": "module"\n}\n' },
      ...(await codeEntries(inputs, layout.common.codeDirs)),
      ...copied,
      ...planDirectories(manifest.services).map(
        (d): PackageEntry => ({ kind: 'directory', path: d.path, mode: parseInt(d.mode, 8), owner: d.owner, group: d.group }),
      ),
      ...installed(layout.common.name),
    ],
  };
  const exactCommon: Dependency = {
    name: layout.common.name,
    constraint: { operator: '=', version: `${manifest.package.version}-${manifest.package.revision}` },
  };
  const services: PackageSpec[] = [];
  for (const service of manifest.services) {
    const serviceLayout = layout.services[service.name];
    if (!serviceLayout) {
      throw new PackagingError(`layout: no package layout for service "${service.name}" (known: ${Object.keys(layout.services).join(', ')})`);
    }
    const man = renderManPage(service, layout.source);
    services.push({
      ...basePackage(
        inputs,
        service.name,
        service.description,
        joinDescription(service.long_description ?? manifest.package.long_description, serviceContents(layout, format)),
      ),
      ...withRelations([nodejs, exactCommon], planning.relations(generated(service.name), 'service')),
      entries: [
        launcher(inputs, service, serviceLayout.main),
        { kind: 'file', path: `/usr/share/man/man1/${service.name}.1.gz`, mode: 0o644, content: gzipReproducibly(man) },
        ...(await codeEntries(inputs, serviceLayout.codeDirs)),
        ...installed(service.name),
      ],
    });
  }
  return [common, ...services].map((spec) => planning.complete?.(spec, generated(spec.name)) ?? spec);
}
