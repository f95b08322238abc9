// A description of the machine a run happened on, for the report.
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg, release, totalmem } from 'node:os';

/** What the report says about the machine. */
export interface MachineDescription {
  cpuModel: string;
  nproc: number;
  memoryGiB: string;
  node: string;
  kernel: string;
  loadAtStart: string;
}

/** Reads the CPU model from /proc/cpuinfo and the rest from node:os. */
export async function describeMachine(): Promise<MachineDescription> {
  let cpuModel = 'unknown';
  try {
    const cpuinfo = await readFile('/proc/cpuinfo', 'utf8');
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown (no "model name" in /proc/cpuinfo)';
  } catch (error) {
    cpuModel = `unknown (cannot read /proc/cpuinfo: ${(error as Error).message})`;
  }
  return {
    cpuModel,
    nproc: availableParallelism(),
    memoryGiB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    kernel: `Linux ${release()}`,
    loadAtStart: loadavg().map((value) => value.toFixed(2)).join(' '),
  };
}

/** The description as Markdown list items. */
export function formatMachine(machine: MachineDescription): string {
  return [
    `- CPU: ${machine.cpuModel}, nproc ${machine.nproc}`,
    `- memory: ${machine.memoryGiB} GiB`,
    `- Node.js ${machine.node}, ${machine.kernel}`,
    `- load average when the run started (1, 5, 15 min): ${machine.loadAtStart}`,
  ].join('\n');
}
