// Shows that an image build is alive: mmdebstrap's phase lines ("I: downloading packages with apt...")
// with the elapsed seconds, and a heartbeat line when a phase takes long.

import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { logProgress } from './log.js';

// How often a "still building" line is printed when mmdebstrap says nothing.
export const heartbeatMs = 15_000;

// A running progress display for one build; `stop()` ends it and returns every line mmdebstrap printed.
export interface BuildProgress {
  stop(): string[];
}

// Follows mmdebstrap's stderr: prints its "I:" / "E:" / "W:" lines with the elapsed time, keeps all lines.
export function followBuild(subject: string, stderr: Readable, startedAt = Date.now()): BuildProgress {
  const lines: string[] = [];
  const elapsed = (): string => `${Math.round((Date.now() - startedAt) / 1000)} s`;
  let lastPrinted = Date.now();
  createInterface({ input: stderr }).on('line', (line) => {
    lines.push(line);
    if (/^[IEW]: /.test(line) && !/^I: (using|automatically|chroot|finding|removing)/.test(line)) {
      logProgress(subject, `${elapsed()}: ${line}`);
      lastPrinted = Date.now();
    }
  });
  const timer = setInterval(() => {
    if (Date.now() - lastPrinted >= heartbeatMs) {
      logProgress(subject, `${elapsed()}: still building`);
      lastPrinted = Date.now();
    }
  }, 1000);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      return lines;
    },
  };
}
