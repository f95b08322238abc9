// Reads reloadkit.yaml text: YAML syntax errors and validation problems both come back with line numbers.
import { isMap, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ManifestError } from './errors.js';
import type { Manifest } from './schema.js';
import { validateManifest, type LineLocator } from './validate.js';

/** Parses and validates manifest YAML; `file` is the name used in error messages. Throws ManifestError. */
export function parseManifest(text: string, file: string): Manifest {
  return parseLocatedManifest(text, file).manifest;
}

/** A validated manifest and where its fields are in the source text (for checks made after validation). */
export interface LocatedManifest {
  manifest: Manifest;
  locateLine: LineLocator;
}

/** As parseManifest, also returning the line locator, for checks that need more than the text (files on disk). */
export function parseLocatedManifest(text: string, file: string): LocatedManifest {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => ({
      file,
      line: error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line,
      field: '',
      message: `expected valid YAML: ${error.message.split('\n')[0]}`,
    }));
    throw new ManifestError(problems, { cause: document.errors[0] });
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ManifestError([{ file, line: undefined, field: '', message: `expected valid YAML: ${String(error)}` }], {
      cause: error,
    });
  }
  const locateLine = locateLinesIn(document, lineCounter);
  return { manifest: validateManifest(value, file, locateLine), locateLine };
}

function locateLinesIn(document: Document, lineCounter: LineCounter): LineLocator {
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as Node | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const lineOfKey = (mapPath: (string | number)[], key: string | number): number | undefined => {
    const map = mapPath.length === 0 ? document.contents : document.getIn(mapPath, true);
    if (!isMap(map)) return undefined;
    const pair = map.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
    return pair ? lineOf(pair.key) : undefined;
  };
  return (path, key) => {
    // The deepest node that exists on the path: a missing field is reported where its mapping's key is.
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const prefix = path.slice(0, depth) as (string | number)[];
      const node = depth === 0 ? document.contents : document.getIn(prefix, true);
      if (node === undefined || node === null) continue;
      if (key !== undefined && depth === path.length) return lineOfKey(prefix, key) ?? lineOf(node);
      const last = prefix[prefix.length - 1];
      if (depth < path.length && typeof last === 'string') return lineOfKey(prefix.slice(0, -1), last) ?? lineOf(node);
      return lineOf(node);
    }
    return undefined;
  };
}
