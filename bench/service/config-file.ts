// Writes the bench service's configuration file (atomically: a reload never reads half a file).
import { rename, writeFile } from 'node:fs/promises';

/** What the bench service's configuration holds. */
export interface BenchConfig {
  port: number;
  controlSocket: string;
  notificationFile: string;
  answer: string;
  reloadDrainTimeout?: number;
  /** Table sections (runtime-overhead benchmark): name → option values. */
  tables?: ReadonlyArray<{ name: string; values: Record<string, string> }>;
}

/** Renders the INI text. */
export function renderBenchConfig(config: BenchConfig): string {
  const lines = [
    '[DEFAULT]',
    `listen = 127.0.0.1:${config.port}`,
    `control_socket = ${config.controlSocket}`,
    `notification_file = ${config.notificationFile}`,
    `reload_drain_timeout = ${config.reloadDrainTimeout ?? 30}`,
    'graceful_shutdown_timeout = 30',
  ];
  if (config.tables && config.tables.length > 0) lines.push(`tables = ${config.tables.map((t) => t.name).join(', ')}`);
  lines.push('', '[svc]', `answer = ${config.answer}`);
  for (const table of config.tables ?? []) {
    lines.push('', `[${table.name}]`, ...Object.entries(table.values).map(([name, value]) => `${name} = ${value}`));
  }
  return lines.join('\n') + '\n';
}

/** Writes the file through a temporary name and a rename. */
export async function writeBenchConfig(file: string, config: BenchConfig): Promise<void> {
  await writeFile(`${file}.tmp`, renderBenchConfig(config));
  await rename(`${file}.tmp`, file);
}
