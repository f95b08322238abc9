// The bench service: a minimal HTTP service on the runtime whose answers say which configuration
// they were served with. BENCH_DRIVER_MODE chooses the answer driver's reload mode:
//   overlap   — make-before-break (the runtime's default)
//   exclusive — drain first: new work waits at the gate until the old generation is idle
//   cut       — overlap, plus: at reload.end every operation still running on a replaced generation is
//               ended with an error. This is a reload WITHOUT drain (what a service that just closes
//               its old connections/pools on SIGHUP does), used to show what draining buys.
import { defineService, opt, type DriverMode, type Runtime } from '../../runtime/index.js';
import { AnswerDriver } from './answer-driver.js';
import { startBenchApi } from './http-api.js';
import { buildTableDriver, declareTableOptions } from './table-options.js';

/** The modes BENCH_DRIVER_MODE accepts. */
export type BenchDriverMode = DriverMode | 'cut';

/** Reads BENCH_DRIVER_MODE (default overlap); anything else is refused with the accepted values. */
export function readBenchDriverMode(value = process.env['BENCH_DRIVER_MODE']): BenchDriverMode {
  const mode = value ?? 'overlap';
  if (mode === 'overlap' || mode === 'exclusive' || mode === 'cut') return mode;
  throw new Error(`BENCH_DRIVER_MODE: expected overlap, exclusive or cut, got ${JSON.stringify(value)}`);
}

const mode = readBenchDriverMode();
/** Answer drivers not yet cut, so that `cut` mode can end the replaced ones at the switch. */
const liveAnswerDrivers = new Set<AnswerDriver>();

/** The bench service definition. */
export const benchService = defineService({
  name: 'reloadkit-bench',
  options: {
    DEFAULT: {
      listen: opt.hostPort({ default: '127.0.0.1:8790', help: 'host:port of the HTTP API' }),
      tables: opt.list({ default: [], mutable: true, help: 'table sections (runtime-overhead benchmark)' }),
    },
    sections: { svc: { answer: opt.string({ required: true, mutable: true, help: 'what every answer reports' }) } },
    sectionTemplates: [{ namesFrom: 'tables', options: declareTableOptions() }],
  },
  drivers: [
    {
      kind: 'answer',
      sections: () => ['svc'],
      mode: mode === 'exclusive' ? 'exclusive' : 'overlap',
      create: (ctx) => {
        const driver = new AnswerDriver(ctx.generation, ctx.config.get('svc', 'answer') as string);
        liveAnswerDrivers.add(driver);
        return driver;
      },
      close: (driver) => {
        liveAnswerDrivers.delete(driver);
        driver.close();
      },
    },
    { kind: 'table', sections: (config) => config.get('DEFAULT', 'tables') as string[], create: (ctx) => buildTableDriver(ctx.config.section(ctx.section)) },
  ],
  start: (rt) => {
    if (mode === 'cut') rt.on('reload.end', (event) => event.outcome === 'succeeded' && cutReplacedDrivers(rt));
    return startBenchApi(rt);
  },
});

/** `cut` mode: ends the work of every answer driver that is no longer the current generation. */
function cutReplacedDrivers(rt: Runtime): void {
  const current = rt.status().generations['answer:svc'];
  for (const driver of liveAnswerDrivers) {
    if (driver.generation === current) continue;
    liveAnswerDrivers.delete(driver);
    driver.cut('reload without drain');
  }
}
