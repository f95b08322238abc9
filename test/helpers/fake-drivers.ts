// In-memory drivers and a small service around them, for runtime tests: no sockets, no timers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createRuntime, defineService, opt, type DriverMode, type ReloadEndEvent, type Runtime, type RuntimeEvent, type Service,
} from '../../runtime/index.js';

/** One built generation of the fake volume driver. */
export interface FakeVolumeDriver {
  key: string;
  generation: number;
  /** san_port of the section at build time: what a request "reaches". */
  port: number;
  closed: boolean;
}

/** Controls of the fake service. */
export interface FakeService {
  service: Service;
  /** "create v:a#1", "close v:a#1", in order. */
  log: string[];
  built: FakeVolumeDriver[];
  /** Sections whose next build throws (cleared by the test). */
  failingSections: Set<string>;
  /** Sections whose builds throw this error instead of the default "connection refused" one. */
  buildErrors: Map<string, Error>;
  /** Sections whose builds wait for the promise first (a slow connect). */
  slowBuilds: Map<string, Promise<void>>;
  /** `kind:section#generation` of every build begun, finished or not. */
  buildsBegun: string[];
}

/** A service with one `volume` driver per enabled backend; each backend section has a mutable san_port. */
export function createFakeService(mode: DriverMode = 'overlap', extra: { startClose?: () => void } = {}): FakeService {
  const log: string[] = [];
  const built: FakeVolumeDriver[] = [];
  const failingSections = new Set<string>();
  const buildErrors = new Map<string, Error>();
  const slowBuilds = new Map<string, Promise<void>>();
  const buildsBegun: string[] = [];
  const service = defineService({
    name: 'fake-volume',
    options: {
      DEFAULT: {
        enabled_backends: opt.list({ default: [], mutable: true }),
        listen: opt.hostPort({ default: '127.0.0.1:8776' }),
        label: opt.string({ default: 'one', mutable: true }),
      },
      sectionTemplates: [{
        namesFrom: 'enabled_backends',
        options: { san_port: opt.port({ required: true, mutable: true }), pool: opt.string({ default: 'p' }) },
      }],
    },
    drivers: [{
      kind: 'volume',
      mode,
      sections: (config) => config.get('DEFAULT', 'enabled_backends') as string[],
      create: async ({ key, section, generation, config }) => {
        buildsBegun.push(`${key}#${generation}`);
        await slowBuilds.get(section);
        const buildError = buildErrors.get(section);
        if (buildError) throw buildError;
        if (failingSections.has(section)) throw new Error(`connection to ${section} refused`);
        const driver: FakeVolumeDriver = { key, generation, port: config.get(section, 'san_port') as number, closed: false };
        built.push(driver);
        log.push(`create ${key}#${generation}`);
        return driver;
      },
      close: (driver) => {
        driver.closed = true;
        log.push(`close ${driver.key}#${driver.generation}`);
      },
    }],
    start: () => ({ close: () => { log.push('start-handle closed'); extra.startClose?.(); } }),
  });
  return { service, log, built, failingSections, buildErrors, slowBuilds, buildsBegun };
}

/** A promise the test settles by hand: stands for a piece of backend work in flight. */
export interface HeldWork {
  promise: Promise<void>;
  finish: () => void;
}

/** Creates work that ends when the test calls finish(). */
export function holdWork(): HeldWork {
  let finish!: () => void;
  const promise = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { promise, finish };
}

/** Lets pending promise callbacks and zero-delay timers run. */
export function settle(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A cinder-like config with the given backends and ports, plus extra [DEFAULT] lines. */
export function writeConfigText(ports: Record<string, number>, defaults: string[] = []): string {
  const names = Object.keys(ports);
  const lines = ['[DEFAULT]', `enabled_backends = ${names.join(', ')}`, ...defaults, ''];
  for (const [name, port] of Object.entries(ports)) lines.push(`[${name}]`, `san_port = ${port}`, '');
  return lines.join('\n');
}

/** A running fake service on a config file in a fresh directory. */
export interface FakeRuntime extends FakeService {
  rt: Runtime;
  file: string;
  /** Rewrites the config file. */
  write(ports: Record<string, number>, defaults?: string[]): void;
  /** Every event, in order. */
  events: RuntimeEvent[];
}

/** Starts the fake service (mode per driver kind) and stops it when the test ends. */
export async function startFakeRuntime(
  teardown: (fn: () => unknown) => void, mode: DriverMode, ports: Record<string, number>, defaults: string[] = [],
): Promise<FakeRuntime> {
  const dir = mkdtempSync(join(tmpdir(), 'reloadkit-runtime-'));
  const file = join(dir, 'fake.conf');
  const write = (p: Record<string, number>, d: string[] = []) => writeFileSync(file, writeConfigText(p, d));
  write(ports, defaults);
  const fake = createFakeService(mode);
  const rt = await createRuntime(fake.service, { configFiles: [file] });
  const events: RuntimeEvent[] = [];
  rt.on('*', (event) => events.push(event));
  teardown(async () => {
    await rt.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { ...fake, rt, file, write, events };
}

/** The parts of a reload.end a test compares exactly (tap's match is loose on arrays). */
export function summarizeEnd(end: ReloadEndEvent): { outcome: string; changed: string[]; restartRequired: string[]; reinitialised: string[]; error?: string } {
  const summary: ReturnType<typeof summarizeEnd> = {
    outcome: end.outcome, changed: end.changed, restartRequired: end.restartRequired, reinitialised: end.reinitialised,
  };
  if (end.error) summary.error = end.error.message;
  return summary;
}

/** Polls until the runtime is in `state` (a reload reached its drain), failing after `timeoutMs`. */
export async function waitForState(rt: Runtime, state: Runtime['state'], timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (rt.state !== state) {
    if (Date.now() > deadline) throw new Error(`runtime did not reach state ${state} within ${timeoutMs} ms (it is ${rt.state})`);
    await settle(1);
  }
}
