// The administrator's side of the package scenario: edits of /etc/cinder/cinder.conf in the container,
// and the service's notification file, read back as events.

import { setTimeout as sleep } from 'node:timers/promises';
import { notificationFile } from '../cinder-packages.js';
import type { Container } from '../container.js';
import { HarnessError } from '../errors.js';

// The installed configuration file.
export const cinderConf = '/etc/cinder/cinder.conf';

// One event of the notification file (reload.start, reload.end, driver.retired).
export type Notification = Record<string, unknown> & { event: string };

// Replaces `option = …` inside `[section]` of an INI text; throws when the option is not there.
export function setOption(text: string, section: string, option: string, value: string): string {
  const lines = text.split('\n');
  let current = '';
  let replaced = false;
  const edited = lines.map((line) => {
    const header = /^\[([^\]]+)\]\s*$/.exec(line);
    if (header) current = header[1] ?? '';
    if (current === section && new RegExp(`^${option}\\s*=`).test(line)) {
      replaced = true;
      return `${option} = ${value}`;
    }
    return line;
  });
  if (!replaced) throw new HarnessError(`cannot edit cinder.conf: no "${option} =" line in [${section}]`);
  return edited.join('\n');
}

// Writes cinder.conf through `cat`, so the file keeps the owner, group and mode the package gave it.
export async function writeCinderConf(container: Container, text: string): Promise<void> {
  await container.writeFile(cinderConf, text);
}

// The events in the notification file so far (none while it does not exist).
export async function readNotifications(container: Container): Promise<Notification[]> {
  const result = await container.exec(`cat ${notificationFile} 2>/dev/null`);
  return result.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Notification);
}

// Waits until an event matching `check` is in the notification file; throws naming `what` after the deadline.
export async function waitForNotification(
  container: Container,
  what: string,
  check: (event: Notification) => boolean,
  timeoutMs = 30_000,
): Promise<Notification> {
  const startedAt = Date.now();
  for (;;) {
    const events = await readNotifications(container);
    const found = events.find(check);
    if (found) return found;
    if (Date.now() - startedAt > timeoutMs) {
      throw new HarnessError(`no ${what} in ${notificationFile} within ${timeoutMs / 1000} s; it holds:\n${events.map((e) => JSON.stringify(e)).join('\n')}`);
    }
    await sleep(200);
  }
}
