import { existsSync, readFileSync, truncateSync } from 'node:fs';
import type { Transaction } from './types.ts';

/**
 * Reads the translog: one transaction per line, each synced before it was acknowledged. A last
 * line cut short by a crash was never acknowledged, so it is dropped (and cut from the file, so
 * the next append starts on a fresh line).
 */
export function readTranslog(file: string, log: (line: string) => void): Transaction[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const out: Transaction[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const end = offset + Buffer.byteLength(line, 'utf8') + 1;
    if (line.trim() !== '') {
      try {
        out.push(JSON.parse(line) as Transaction);
      } catch {
        log(`[lake] ${file}: dropped a transaction cut short by a crash (it was never acknowledged)`);
        truncateSync(file, offset);
        break;
      }
    }
    offset = end;
  }
  return out;
}
