// bench/control-pressure: what hostile control clients cost cinder-volume — a 50 MB request line without a
// newline, then 3,000 connections that send half a request and hold on — in resident memory (VmRSS, and
// the peak VmHWM from /proc/<pid>/status), in connections left open, and whether a reload still gets through.
import { readFile } from 'node:fs/promises';
import { startBackends, planVolumeFiles, writeVolumeConfig } from '../cinder-reload/cinder-setup.js';
import { runCommand, startProcess } from '../lib/processes.js';
import { progress } from '../lib/progress.js';
import { builtPath } from '../lib/repo-paths.js';
import { makeScratchDir, sleep } from '../lib/scratch.js';
import { renderTable } from '../lib/table.js';
import type { BenchOptions, BenchSection } from '../report/section.js';
import { openHalfRequests, sendHugeLine } from './clients.js';

/** The sizes of the measurement by hand. */
const HUGE_LINE_BYTES = 50 * 1024 * 1024;
const HALF_REQUESTS = 3000;

const EXAMPLE = builtPath('examples', 'cinder', 'cinder-volume', 'main.js');

/** VmRSS and VmHWM of `pid` in MiB. */
async function readMemory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** One row of the table. */
interface Step {
  what: string;
  rss: number;
  peak: number;
  note: string;
}

/** Runs the hostile clients against a fresh cinder-volume and returns the section. */
export async function runControlPressure(_options: BenchOptions): Promise<BenchSection> {
  const dir = await makeScratchDir('control-pressure');
  const backends = await startBackends();
  const files = await planVolumeFiles(dir, 'cinder-volume');
  await writeVolumeConfig(files, backends.ports, backends.ports.a[0]);
  const volume = startProcess('cinder-volume', process.execPath, [EXAMPLE, '--config-file', files.configFile]);
  await volume.waitForLine((line) => line.includes('"msg":"ready"'), 30000);
  const reload = () => runCommand('cinder-volume reload', process.execPath, [EXAMPLE, 'reload', '--control-socket', files.controlSocket, '--timeout', '30'], {}, 40000);
  const steps: Step[] = [];
  const record = async (what: string, note: string) => steps.push({ what, note, ...(await readMemory(volume.pid)) });
  try {
    await sleep(2000);
    await record('steady state (ready, idle 2 s)', '');

    progress(`control-pressure: a ${HUGE_LINE_BYTES / 1024 / 1024} MB line without a newline`);
    const flood = await sendHugeLine(files.controlSocket, HUGE_LINE_BYTES);
    await record(`after a ${HUGE_LINE_BYTES / 1024 / 1024} MB request line without a newline`,
      `refused after ${(flood.bytesWritten / 1024).toFixed(0)} KiB written: ${JSON.stringify(flood.answer.slice(0, 160))}`);

    progress(`control-pressure: ${HALF_REQUESTS} connections holding half a request`);
    const half = await openHalfRequests(files.controlSocket, HALF_REQUESTS);
    await sleep(500);
    const openAfterHalfSecond = half.countOpen();
    const during = await reload();
    await record(`${HALF_REQUESTS} half requests open, then \`cinder-volume reload\``,
      `${openAfterHalfSecond} of ${HALF_REQUESTS} still open after 0.5 s (${half.failedToOpen} could not connect); the reload exited ${during.code} in ${during.durationMs.toFixed(0)} ms`);
    await sleep(6000);
    const answers = [...half.answers()].map(([text, n]) => `${n}× ${JSON.stringify(text.slice(0, 90))}`).join('; ');
    await record('6 s later', `${half.countOpen()} still open; answers: ${answers}`);
    half.close();
    const after = await reload();
    await record('a reload after all of it', `exited ${after.code} in ${after.durationMs.toFixed(0)} ms`);
  } finally {
    await volume.stop();
    await Promise.all(backends.processes.map((p) => p.stop()));
  }
  const base = steps[0]!;
  const table = renderTable(['step', 'VmRSS (MiB)', 'peak VmHWM (MiB)', 'peak over steady state', 'what happened'],
    steps.map((s) => [s.what, s.rss.toFixed(1), s.peak.toFixed(1), `+${(s.peak - base.peak).toFixed(1)} MiB`, s.note]));
  return {
    id: 'control-pressure',
    title: 'Hostile control clients',
    body: [
      'The example cinder-volume with two fake backends; clients on its control socket. First one client sends',
      `${HUGE_LINE_BYTES / 1024 / 1024} MB of "x" without a newline (the server refuses the line once it passes 8 KiB and stops`,
      `reading); then ${HALF_REQUESTS} clients connect and each sends \`{"command":"rel\` and holds the connection (the server`,
      'keeps at most 64 connections, evicts the oldest idle one for a new one and closes any without a complete',
      'request after 5 s); meanwhile and afterwards `cinder-volume reload` must get through. Memory is the',
      'service\'s VmRSS and VmHWM (peak resident set) from `/proc/<pid>/status` after each step.',
      'Before the bounds (measured by hand on the same service): the 50 MB line took the RSS from 52 MB to a',
      `peak of 563 MB, and 3,000 half requests all stayed open after 40 s.`,
      '',
      table,
    ].join('\n'),
  };
}
