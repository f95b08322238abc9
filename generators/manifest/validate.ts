// Validates a manifest value against the definition and turns every issue into a located, readable problem.
import type { z } from 'zod';
import { manifestSchema, type Manifest } from './schema.js';
import { describeValue, formatFieldPath, ManifestError, type ManifestProblem } from './errors.js';

/** Finds the 1-based source line of a field (or, with `key`, of a key inside a mapping). */
export type LineLocator = (path: readonly PropertyKey[], key?: string) => number | undefined;

/** Validates `value` (e.g. parsed YAML) and returns the manifest with defaults, or throws ManifestError. */
export function validateManifest(value: unknown, file: string, locateLine: LineLocator = () => undefined): Manifest {
  const result = manifestSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => describeIssue(issue, value, file, locateLine));
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  throw new ManifestError(problems, { cause: result.error });
}

function describeIssue(issue: z.core.$ZodIssue, root: unknown, file: string, locateLine: LineLocator): ManifestProblem[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(path);
    return issue.keys.map((key) => ({
      file,
      line: locateLine(path, key) ?? locateLine(path),
      field: formatFieldPath([...path, key]),
      message: `unknown key; expected one of ${allowed.join(', ')}`,
    }));
  }
  const chosen = issue.code === 'invalid_union' ? onlyMatchingShape(issue.errors) : undefined;
  if (chosen) {
    return chosen.flatMap((inner) => describeIssue({ ...inner, path: [...path, ...inner.path] } as z.core.$ZodIssue, root, file, locateLine));
  }
  const received = valueAt(root, path);
  const expectation = issue.message.startsWith('expected') ? issue.message : `expected valid input (${issue.message})`;
  return [{ file, line: locateLine(path), field: formatFieldPath(path), message: `${expectation}, got ${describeValue(received)}` }];
}

/**
 * For a value that may take several shapes (a path or a mapping), the issues of the one shape the value has:
 * the others failed on the type of the value itself. Undefined when no single shape fits.
 */
function onlyMatchingShape(options: z.core.$ZodIssue[][]): z.core.$ZodIssue[] | undefined {
  const fitting = options.filter((issues) => !issues.every((i) => i.code === 'invalid_type' && i.path.length === 0));
  return fitting.length === 1 ? fitting[0] : undefined;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The keys the definition allows for the mapping at `path`, in definition order. */
function allowedKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType = manifestSchema;
  for (const key of path) {
    schema = unwrap(schema);
    const def = schema._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType };
    if (def.type === 'object' && def.shape && typeof key === 'string' && def.shape[key]) schema = def.shape[key];
    else if (def.type === 'array' && def.element) schema = def.element;
    else return [];
  }
  const def = unwrap(schema)._zod.def as { shape?: Record<string, unknown> };
  return Object.keys(def.shape ?? {});
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; options?: z.core.$ZodType[] };
    const mapping = def.options?.find((option) => unwrap(option)._zod.def.type === 'object');
    if ((def.type === 'default' || def.type === 'optional') && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'union' && mapping) current = mapping;
    else return current;
  }
}
