// The one error class for invalid manifests: every problem names file, line, field, value and expectation.

/** One thing wrong with a manifest, located as precisely as the input allows. */
export interface ManifestProblem {
  file: string;
  /** 1-based line in the YAML file; undefined when validating an object that has no source text. */
  line: number | undefined;
  /** Field path such as `services[0].reload.timeout`; empty for the document itself. */
  field: string;
  /** "expected …, got …" */
  message: string;
}

/** Thrown when a manifest cannot be read or is invalid; `message` lists every problem, one per line. */
export class ManifestError extends Error {
  override name = 'ManifestError';
  readonly problems: ManifestProblem[];

  constructor(problems: ManifestProblem[], options?: { cause?: unknown }) {
    super(problems.map(formatProblem).join('\n'), options);
    this.problems = problems;
  }
}

/** Renders a problem as `reloadkit.yaml:14: services[0].reload.timeout: expected …, got …`. */
export function formatProblem(problem: ManifestProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return problem.field === '' ? `${where}: ${problem.message}` : `${where}: ${problem.field}: ${problem.message}`;
}

/** Formats a field path the way users write it: `services[0].reload.timeout`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

/** Describes a received value for an error message: `"abc" (string)`, `12 (number)`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `${JSON.stringify(shown)} (string)`;
  }
  return `${String(value)} (${typeof value})`;
}
