// Checks of the package layout that span several fields: every service shipped once, every path by one package.
import type { z } from 'zod';

/** The parts of a manifest the layout checks read. */
interface LayoutInput {
  package: { name: string; code_root?: string | undefined };
  services: { name: string }[];
  packages?:
    | {
        name: string;
        code: string[];
        files: { destination: string }[];
        services: { name: string }[];
      }[]
    | undefined;
}

/** A path a package installs, with the field that declares it. */
interface ShippedPath {
  path: string;
  /** A directory shipped whole: every path below it is taken too. */
  directory: boolean;
  packageIndex: number;
  field: (string | number)[];
}

/** Where code is installed when the manifest does not say: architecture-independent data (FHS /usr/share). */
export function defaultCodeRoot(packageName: string): string {
  return `/usr/share/${packageName}`;
}

function overlaps(a: ShippedPath, b: ShippedPath): boolean {
  if (a.path === b.path) return true;
  return (a.directory && b.path.startsWith(`${a.path}/`)) || (b.directory && a.path.startsWith(`${b.path}/`));
}

/** Adds an issue for every layout rule `packages` breaks; no issue when the manifest declares no packages. */
export function checkPackageLayout(manifest: LayoutInput, ctx: z.RefinementCtx): void {
  const packages = manifest.packages;
  if (packages === undefined) return;
  const codeRoot = manifest.package.code_root ?? defaultCodeRoot(manifest.package.name);
  const label = (index: number) => `packages[${index}] (${packages[index]?.name ?? '?'})`;
  const known = manifest.services.map((s) => s.name);
  const shippedBy = new Map<string, number>();
  const firstByName = new Map<string, number>();
  const shipped: ShippedPath[] = [];
  packages.forEach((pkg, index) => {
    const earlier = firstByName.get(pkg.name);
    if (earlier !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['packages', index, 'name'], message: `expected a name not used by ${label(earlier)}` });
    } else {
      firstByName.set(pkg.name, index);
    }
    pkg.services.forEach((service, serviceIndex) => {
      const at = ['packages', index, 'services', serviceIndex, 'name'];
      const other = shippedBy.get(service.name);
      if (!known.includes(service.name)) {
        ctx.addIssue({ code: 'custom', path: at, message: `expected the name of one of the services (${known.join(', ')})` });
      } else if (other !== undefined) {
        ctx.addIssue({ code: 'custom', path: at, message: `expected a service no other package ships (${label(other)} ships it)` });
      } else {
        shippedBy.set(service.name, index);
      }
    });
    pkg.code.forEach((dir, codeIndex) => {
      shipped.push({ path: `${codeRoot}/${dir}`, directory: true, packageIndex: index, field: ['packages', index, 'code', codeIndex] });
    });
    pkg.files.forEach((file, fileIndex) => {
      shipped.push({ path: file.destination, directory: false, packageIndex: index, field: ['packages', index, 'files', fileIndex, 'destination'] });
    });
  });
  manifest.services.forEach((service, index) => {
    if (!shippedBy.has(service.name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['services', index, 'name'],
        message: `expected a package in packages to ship this service (in its services list)`,
      });
    }
  });
  shipped.forEach((entry, index) => {
    const clash = shipped.slice(0, index).find((other) => other.packageIndex !== entry.packageIndex && overlaps(other, entry));
    if (clash === undefined) return;
    ctx.addIssue({
      code: 'custom',
      path: entry.field,
      message:
        `expected a path only one package ships: ${label(clash.packageIndex)} ships ${clash.path}` +
        `${clash.directory ? '/' : ''} and ${label(entry.packageIndex)} ships ${entry.path}${entry.directory ? '/' : ''}`,
    });
  });
}
