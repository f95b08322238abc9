// Finds processes a benchmark started indirectly (a daemon spawned by a CLI) by a string unique to this
// run (e.g. a scratch path in their command line), and kills them with their children, by PID.
import { readdirSync, readFileSync } from 'node:fs';

/** PIDs whose command line (as shown by ps, process titles included) contains `marker`. */
export function findProcessesMentioning(marker: string): number[] {
  return listPids().filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(marker);
    } catch {
      return false;
    }
  });
}

/** Kills `roots` and every descendant of them with SIGKILL (children first); returns how many were killed. */
export function killTrees(roots: readonly number[]): number {
  const parents = new Map<number, number>();
  for (const pid of listPids()) {
    try {
      // /proc/PID/stat: "pid (comm) state ppid …"; comm may contain spaces, so read after the last ")".
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const doomed: number[] = [];
  const visit = (pid: number): void => {
    for (const [child, parent] of parents) if (parent === pid) visit(child);
    doomed.push(pid);
  };
  roots.forEach(visit);
  let killed = 0;
  for (const pid of doomed) {
    try {
      process.kill(pid, 'SIGKILL');
      killed += 1;
    } catch {
      // already gone
    }
  }
  return killed;
}

/** Numeric entries of /proc except this process. */
function listPids(): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).filter((pid) => pid !== process.pid);
}
