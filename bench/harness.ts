/**
 * @module The benchmark harness every capability adds to: a figure is always a ratio against a
 * baseline measured in the same run, on each engine, so machines of different speed compare.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Figure {
  engine: 'pglite' | 'postgres';
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** The goal, as a predicate on the figure, with its description. */
  goal?: { text: string; met: boolean };
}

export const results: Figure[] = [];

export function record(f: Figure): void {
  results.push(f);
  const ratio = f.baseline ? ` (${(f.value / f.baseline.value).toFixed(2)}x ${f.baseline.name})` : '';
  const goal = f.goal ? `  goal ${f.goal.text}: ${f.goal.met ? 'met' : 'NOT met'}` : '';
  process.stdout.write(
    `  ${f.engine.padEnd(8)} ${f.name.padEnd(44)} ${fmt(f.value).padStart(10)} ${f.unit}${ratio}${goal}\n`,
  );
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(2);
}

export function writeResults(root: string): string {
  const file = path.join(root, 'bench', 'results.json');
  fs.writeFileSync(
    file,
    JSON.stringify({ at: new Date().toISOString(), node: process.version, figures: results }, null, 2),
  );
  return file;
}

export function printTable(): void {
  process.stdout.write('\n| engine | figure | value | ratio to baseline | goal |\n|---|---|---|---|---|\n');
  for (const f of results) {
    const ratio = f.baseline ? `${(f.value / f.baseline.value).toFixed(2)}x ${f.baseline.name}` : '';
    const goal = f.goal ? `${f.goal.text}: ${f.goal.met ? 'met' : 'NOT met'}` : '';
    process.stdout.write(`| ${f.engine} | ${f.name} | ${fmt(f.value)} ${f.unit} | ${ratio} | ${goal} |\n`);
  }
}

/** Peak resident set size of a process (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** One benchmark: runs on a fresh embedded data directory or a fresh PostgreSQL database. */
export type Bench = (engine: 'pglite' | 'postgres', dataDir: string, url: string | undefined) => Promise<void>;
