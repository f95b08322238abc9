// When each host was reloading or draining, from its notification file: from a reload's reload.start to the
// last of its reload.end and the driver.retired of the generations it replaced. Two intervals of hosts of
// one cluster that overlap mean two hosts drained at once.

/** One event of a notification file (reload.start, reload.end, driver.retired). */
export type Notification = Record<string, unknown> & { event: string };

/** One reload of one host, from its start to the end of its drain. */
export interface DrainingInterval {
  host: string;
  reloadId: number;
  outcome: string | undefined;
  startMs: number;
  endMs: number;
}

function timeOf(event: Notification): number {
  return Date.parse(String(event['time']));
}

/** The reloads of one host's events, each with the moment its last replaced driver retired (or its end). */
export function drainingIntervals(host: string, events: readonly Notification[]): DrainingInterval[] {
  return events
    .filter((event) => event.event === 'reload.start')
    .map((start) => {
      const id = Number(start['id']);
      const end = events.find((event) => event.event === 'reload.end' && event['id'] === id);
      const retired = events.filter((event) => event.event === 'driver.retired' && event['reloadId'] === id);
      const ends = [end, ...retired].filter((event): event is Notification => event !== undefined).map(timeOf);
      return {
        host,
        reloadId: id,
        outcome: end === undefined ? undefined : String(end['outcome']),
        startMs: timeOf(start),
        endMs: ends.length > 0 ? Math.max(...ends) : Number.POSITIVE_INFINITY,
      };
    });
}

/** Every pair of intervals of different hosts that overlap in time. */
export function overlappingIntervals(intervals: readonly DrainingInterval[]): [DrainingInterval, DrainingInterval][] {
  const pairs: [DrainingInterval, DrainingInterval][] = [];
  intervals.forEach((first, index) => {
    for (const second of intervals.slice(index + 1)) {
      if (first.host !== second.host && first.startMs < second.endMs && second.startMs < first.endMs) pairs.push([first, second]);
    }
  });
  return pairs;
}
