// Decodes a configuration file as oslo.config opens it (`encoding='utf-8'`): bytes that are not UTF-8 are refused.
import { ConfigError } from './errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text of `bytes`; throws a ConfigError naming file:line (and byte offset) of the first invalid sequence. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          decoder.decode(bytes.subarray(start, i));
        } catch {
          return refuse(file, line, bytes.subarray(start, i));
        }
        line += 1;
        start = i + 1;
      }
    }
    return refuse(file, line, bytes.subarray(start));
  }
}

/** The error for a line that is not UTF-8, quoting its first bytes in hex. */
function refuse(file: string, line: number, bytes: Uint8Array): never {
  const hex = [...bytes.subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  throw new ConfigError(`not valid UTF-8 (oslo.config reads files as UTF-8; convert it, e.g. with iconv): bytes ${hex}${bytes.length > 16 ? ' …' : ''}`, { file, line });
}
