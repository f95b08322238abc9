// The ways cinder-volume goes through the change of backend_a's port: reload (overlap as shipped, by
// SIGHUP or the reload client; exclusive, by SIGHUP) or a full restart (SIGTERM, wait, start).
import { builtPath } from '../lib/repo-paths.js';
import { runCommand, startProcess, type StartedProcess } from '../lib/processes.js';
import type { VolumeFiles } from './cinder-setup.js';

/** How one variant runs and changes cinder-volume. */
export interface VolumeVariant {
  label: string;
  /** Whether reload.end waits for in-flight work on the changed backend (exclusive drain, restart). */
  waitsForDrain: boolean;
  /** Whether the runtime reports the change through reload.end / driver.retired. */
  reloads: boolean;
  program: string;
  trigger: 'SIGHUP' | 'client' | 'restart';
}

/** The compiled example cinder-volume, and the exclusive variant of bench/cinder-reload. */
const EXAMPLE = builtPath('examples', 'cinder', 'cinder-volume', 'main.js');
const EXCLUSIVE = builtPath('bench', 'cinder-reload', 'exclusive-volume-main.js');

/** The variants, in table order. */
export const VOLUME_VARIANTS: readonly VolumeVariant[] = [
  { label: 'reload, overlap (as shipped), SIGHUP', waitsForDrain: false, reloads: true, program: EXAMPLE, trigger: 'SIGHUP' },
  { label: 'reload, overlap (as shipped), reload client', waitsForDrain: false, reloads: true, program: EXAMPLE, trigger: 'client' },
  { label: 'reload, exclusive, SIGHUP', waitsForDrain: true, reloads: true, program: EXCLUSIVE, trigger: 'SIGHUP' },
  { label: 'full restart (SIGTERM, wait, start)', waitsForDrain: true, reloads: false, program: EXAMPLE, trigger: 'restart' },
];

/** A running cinder-volume of one variant. */
export class VolumeInstance {
  private process?: StartedProcess;

  constructor(readonly variant: VolumeVariant, readonly files: VolumeFiles) {}

  /** Starts it and waits for its "ready" line. */
  async start(): Promise<void> {
    const started = startProcess(`cinder-volume (${this.variant.label})`, process.execPath, [this.variant.program, '--config-file', this.files.configFile]);
    await started.waitForLine((line) => line.includes('"msg":"ready"'), 15000);
    this.process = started;
  }

  /** Applies the (already written) configuration the variant's way; resolves when its command is done. */
  async trigger(): Promise<void> {
    if (!this.process) throw new Error(`${this.variant.label}: trigger before start`);
    if (this.variant.trigger === 'SIGHUP') {
      process.kill(this.process.pid, 'SIGHUP');
    } else if (this.variant.trigger === 'client') {
      const result = await runCommand('cinder-volume reload', process.execPath, [this.variant.program, 'reload', '--control-socket', this.files.controlSocket, '--timeout', '30'], {}, 40000);
      if (result.code !== 0) throw new Error(`${this.variant.label}: cinder-volume reload exited ${result.code}:\n${result.output}`);
    } else {
      const code = await this.process.stop('SIGTERM', 30000);
      if (code !== 0) throw new Error(`${this.variant.label}: cinder-volume exited ${code} on SIGTERM, expected 0 after draining`);
      await this.start();
    }
  }

  /** Stops it. */
  async stop(): Promise<void> {
    await this.process?.stop('SIGTERM', 10000);
    this.process = undefined;
  }
}
