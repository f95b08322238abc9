// ConfigSnapshot: one immutable, fully validated configuration, with where each value came from.

/** Where a value was written; absent for defaults. */
export interface ValueSource {
  file: string;
  line: number;
}

/** A name the files hold that no declaration knows, ignored (file:line, section, option, and the message). */
export interface ConfigWarning {
  message: string;
  file?: string;
  line?: number;
  section?: string;
  option?: string;
}

/** Values of one section (every declared option is a key; unset options are undefined). */
export type SectionValues = Readonly<Record<string, unknown>>;

/** The immutable configuration the runtime runs on. */
export class ConfigSnapshot {
  readonly files: readonly string[];
  /** Unknown sections and options the files hold, ignored (strict mode refuses them instead). */
  readonly warnings: readonly ConfigWarning[];
  private readonly values: ReadonlyMap<string, SectionValues>;
  private readonly sources: ReadonlyMap<string, ReadonlyMap<string, ValueSource>>;

  constructor(
    values: Map<string, Record<string, unknown>>,
    sources: Map<string, Map<string, ValueSource>>,
    files: readonly string[],
    warnings: readonly ConfigWarning[] = [],
  ) {
    const frozen = new Map<string, SectionValues>();
    for (const [name, record] of values) frozen.set(name, deepFreeze({ ...record }));
    this.values = frozen;
    this.sources = sources;
    this.files = Object.freeze([...files]);
    this.warnings = deepFreeze(warnings.map((warning) => ({ ...warning })));
    Object.freeze(this);
  }

  /** One option's value; an undeclared section or option is a programming error and throws. */
  get(section: string, option: string): unknown {
    const record = this.section(section);
    if (!(option in record)) {
      throw new RangeError(`option ${option} is not declared in [${section}] (declared: ${Object.keys(record).join(', ')})`);
    }
    return record[option];
  }

  /** A frozen record of one section's values; an unknown section throws, listing the known ones. */
  section(name: string): SectionValues {
    const record = this.values.get(name);
    if (!record) throw new RangeError(`no section [${name}] in the configuration (sections: ${this.sections().join(', ')})`);
    return record;
  }

  /** Whether the configuration has this section. */
  hasSection(name: string): boolean {
    return this.values.has(name);
  }

  /** Section names, DEFAULT first, then in the order they were declared or listed. */
  sections(): string[] {
    return [...this.values.keys()];
  }

  /** Where an option's value was written, or undefined when it is the default. */
  sourceOf(section: string, option: string): ValueSource | undefined {
    return this.sources.get(section)?.get(option);
  }

  /** The raw source map of one section (used by the diff to carry kept values over). */
  sourcesOf(section: string): ReadonlyMap<string, ValueSource> {
    return this.sources.get(section) ?? new Map();
  }
}

/** Freezes arrays and plain objects all the way down. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
  }
  return value;
}
