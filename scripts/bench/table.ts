import type { BuildFigures, Row } from './context.ts';
import type { LoadResult } from './load.ts';

/* The benchmark's printed table (Markdown, pasted as is into README's "Benchmark") and the formats its rows share. */

export type Machine = { cpus: number; cpuModel?: string; loadavgBefore: number[]; loadavgAfter: number[]; node: string };

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : int(n));
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export function served(result: LoadResult | string | undefined, ceiling?: LoadResult | string): string {
  if (result === undefined) return 'not measured';
  if (typeof result === 'string') return result;
  const ratio = ceiling && typeof ceiling !== 'string' ? ` · ${(result.requestsPerSecond / ceiling.requestsPerSecond).toFixed(2)}× nginx static` : '';
  const errors = result.non2xx + result.socketErrors ? ` · ${result.non2xx} non-2xx, ${result.socketErrors} socket errors` : '';
  return `${int(result.requestsPerSecond)} req/s · p50 ${ms(result.p50Ms)} ms · p99 ${ms(result.p99Ms)} ms${ratio}${errors}`;
}

export function build(figures: BuildFigures | undefined): string {
  if (!figures) return 'not measured';
  const time =
    figures.seconds === undefined
      ? 'reused, not timed'
      : `${figures.seconds.toFixed(0)} s · peak ${int(figures.peakRssMb!)} MB${figures.reused ? ' (reused build)' : ''}`;
  return `${time} · ${int(figures.prerendered)} prerendered routes`;
}

export function renderTable(rows: Row[], machine: Machine, next: string, startedAt: string): string {
  const m = machine;
  return [
    '| measure | result |',
    '|---|---|',
    ...rows.map(([name, value]) => `| ${name} | ${value} |`),
    '',
    `Next.js ${next}, Node ${m.node}, ${m.cpus} × ${m.cpuModel ?? 'CPU'}, loopback only; load average ${m.loadavgBefore.map((n) => n.toFixed(1)).join(' ')} at the start and ${m.loadavgAfter
      .map((n) => n.toFixed(1))
      .join(' ')} at the end (${startedAt}).`,
  ].join('\n');
}
