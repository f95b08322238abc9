// Turns manifest + layout + generator output + compiled code into one PackageSpec per binary package.
import { readFile } from 'node:fs/promises';
import type { Manifest, ServiceManifest } from '../../generators/manifest/index.js';
import { planConfigFiles, planDirectories } from '../../generators/package-plan/plan.js';
import type { GeneratedFile } from '../../generators/target.js';
import type { FormatPlanning, FormatRelations } from '../format-planning.js';
import type { Dependency, FileEntry, PackageEntry, PackageSpec } from '../package-spec.js';
import { PackagingError, wrapError } from '../errors.js';
import { gzipReproducibly } from '../deb/stage.js';
import { findPackager } from '../registry.js';
import { collectCode } from './code-files.js';
import { emptyGeneratedFiles, type GeneratedInputs } from './generated-inputs.js';
import { renderManPage } from './man-page.js';
import { commonPackage, type BinaryPackageLayout, type PackageLayout } from './package-layout.js';

/** Where the inputs of a plan are found. */
export interface PlanInputs {
  manifest: Manifest;
  layout: PackageLayout;
  generated: GeneratedInputs;
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
    for (const code of await collectCode(inputs.layout.codeFrom, dir)) {
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

/** What a package holds in `format`, as the manifest words it for its long description. */
function packageContents(pkg: BinaryPackageLayout, format: string): string | undefined {
  const contents = pkg.declared.contents;
  if (contents === undefined || typeof contents === 'string') return contents;
  return contents[format as 'deb' | 'rpm'];
}

/** The one-line summary: the package's own, else its only service's description, else the manifest's. */
function packageSummary(manifest: Manifest, pkg: BinaryPackageLayout): string {
  if (pkg.declared.summary !== undefined) return pkg.declared.summary;
  const only = pkg.declared.services.length === 1 ? manifest.services.find((s) => s.name === pkg.declared.services[0]?.name) : undefined;
  return only?.description ?? manifest.package.description;
}

/** What the software does: the only service's long description when it has one, else the manifest's. */
function packageDescription(manifest: Manifest, pkg: BinaryPackageLayout): string | undefined {
  const only = pkg.declared.services.length === 1 ? manifest.services.find((s) => s.name === pkg.declared.services[0]?.name) : undefined;
  return only?.long_description ?? manifest.package.long_description;
}

/** Long description paragraphs: what the software (or service) does, then what this package holds. */
function joinDescription(...paragraphs: (string | undefined)[]): string {
  return paragraphs.filter((p): p is string => p !== undefined).join('\n\n');
}

function basePackage(inputs: PlanInputs, format: string, pkg: BinaryPackageLayout): Omit<PackageSpec, 'entries' | 'depends'> {
  const { manifest, layout } = inputs;
  const generated = inputs.generated.get(pkg.name) ?? emptyGeneratedFiles();
  const conflicts = format === 'rpm' ? pkg.declared.conflicts.rpm : pkg.declared.conflicts.deb;
  return {
    name: pkg.name,
    source: layout.source,
    version: manifest.package.version,
    release: String(manifest.package.revision),
    maintainer: manifest.package.maintainer,
    summary: packageSummary(manifest, pkg),
    description: joinDescription(packageDescription(manifest, pkg), packageContents(pkg, format)),
    homepage: manifest.package.homepage,
    license: requirePackageField(manifest, 'license', 'an SPDX identifier for the copyright file and the RPM License tag'),
    copyright: requirePackageField(manifest, 'copyright', 'years and holders for the copyright file'),
    section: manifest.package.section,
    changelog: manifest.package.changelog.map((entry) => ({ ...entry, author: manifest.package.maintainer })),
    debScripts: generated.debScripts,
    rpmScripts: {},
    conflicts: conflicts.map((name) => ({ name })),
    replaces: format === 'rpm' ? [] : pkg.declared.replaces.map((name) => ({ name })),
    lintianOverrides: inputs.lintianOverrides.get(pkg.name),
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

/** The files a package copies from the source tree; config files the manifest gives an owner take theirs. */
async function copiedEntries(inputs: PlanInputs, pkg: BinaryPackageLayout): Promise<PackageEntry[]> {
  const ownedConfigFiles = new Map(planConfigFiles(inputs.manifest.services).map((file) => [file.path, file]));
  const entries: PackageEntry[] = [];
  for (const file of [...pkg.files, ...pkg.docs]) {
    const content = await readFile(file.from).catch((error: unknown) => {
      throw new PackagingError(`${pkg.name}: cannot read ${file.from}: ${(error as Error).message}`, { cause: error });
    });
    // deb: the archive is root-owned and the generated postinst hands the file over; rpm: %attr.
    const owned = ownedConfigFiles.get(file.to);
    const attributes = owned ? { mode: parseInt(owned.mode, 8), owner: owned.owner, group: owned.group } : { mode: file.mode ?? 0o644 };
    entries.push({ kind: 'file', path: file.to, ...attributes, content });
  }
  return entries;
}

/** A service's launcher, manual page and main module's directory are its package's; the main module is checked. */
function serviceEntries(inputs: PlanInputs, pkg: BinaryPackageLayout): PackageEntry[] {
  return pkg.declared.services.flatMap((shipped) => {
    const service = inputs.manifest.services.find((s) => s.name === shipped.name);
    if (!service) throw new PackagingError(`${pkg.name}: services: no service "${shipped.name}" in the manifest`);
    const man = renderManPage(service, inputs.layout.source);
    return [
      launcher(inputs, service, shipped.main),
      { kind: 'file', path: `/usr/share/man/man1/${service.name}.1.gz`, mode: 0o644, content: gzipReproducibly(man) } as FileEntry,
    ];
  });
}

/** Refuses a service whose main module is not among the code its package (or the common one) ships. */
function checkMainModules(layout: PackageLayout, pkg: BinaryPackageLayout, entries: PackageEntry[]): void {
  const shipped = new Set(entries.map((e) => e.path));
  for (const service of pkg.declared.services) {
    const path = `${layout.codeRoot}/${service.main}`;
    if (!shipped.has(path)) {
      throw new PackagingError(
        `${pkg.name}: services.${service.name}.main: expected a module in the package's code (${pkg.declared.code.join(', ') || 'none'}), got "${service.main}"`,
      );
    }
  }
}

/**
 * Plans every package for `format` (a registered packager, which knows its format's paths and relations), in
 * manifest order: the first package is the common one (type module marker, directories), the others depend on it.
 */
export async function planPackages(format: string, inputs: PlanInputs): Promise<PackageSpec[]> {
  const { manifest, layout } = inputs;
  const { planning } = findPackager(format);
  const generated = (name: string) => inputs.generated.get(name) ?? emptyGeneratedFiles();
  const installed = (name: string): FileEntry[] => generated(name).installed.flatMap((f) => adaptInstalledFile(planning, f) ?? []);
  const common = commonPackage(layout);
  const exactCommon: Dependency = {
    name: common.name,
    constraint: { operator: '=', version: `${manifest.package.version}-${manifest.package.revision}` },
  };
  const specs: PackageSpec[] = [];
  for (const pkg of layout.packages) {
    const isCommon = pkg === common;
    const code = await codeEntries(inputs, pkg.declared.code).catch((error: unknown) => {
      throw wrapError(`${pkg.name}: code`, error);
    });
    const entries: PackageEntry[] = [
      ...serviceEntries(inputs, pkg),
      // Compiled modules are ES modules: Node needs "type": "module" above them.
      ...(isCommon ? [{ kind: 'file', path: `${layout.codeRoot}/package.json`, mode: 0o644, content: '{\n  "type": "module"\n}\n' } as FileEntry] : []),
      ...code,
      ...(await copiedEntries(inputs, pkg)),
      ...(isCommon
        ? planDirectories(manifest.services).map(
            (d): PackageEntry => ({ kind: 'directory', path: d.path, mode: parseInt(d.mode, 8), owner: d.owner, group: d.group }),
          )
        : []),
      ...installed(pkg.name),
    ];
    checkMainModules(layout, pkg, [...entries, ...(isCommon ? [] : specs[0]?.entries ?? [])]);
    specs.push({
      ...basePackage(inputs, format, pkg),
      ...withRelations(isCommon ? [nodejs] : [nodejs, exactCommon], planning.relations(generated(pkg.name), pkg.role)),
      entries,
    });
  }
  return specs.map((spec) => planning.complete?.(spec, generated(spec.name)) ?? spec);
}
