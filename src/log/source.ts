/**
 * @module Where a verifier reads a log from: a Truce server over HTTP, or a mirror directory
 * written by `truce log mirror` (same relative paths: checkpoint, tile/..., tile/entries/...).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface LogSource {
  /** The resource at `rel` (e.g. `checkpoint`, `tile/0/000`), or undefined when absent. */
  get(rel: string): Promise<Uint8Array | undefined>;
  describe: string;
}

export function httpSource(baseUrl: string): LogSource {
  const base = baseUrl.replace(/\/$/, '');
  return {
    describe: base,
    async get(rel) {
      const res = await fetch(`${base}/log/${rel}`);
      if (res.status === 404) return undefined;
      if (!res.ok) throw new Error(`GET /log/${rel}: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}

export function dirSource(dir: string): LogSource {
  return {
    describe: dir,
    async get(rel) {
      const file = path.join(dir, rel);
      return fs.existsSync(file) ? new Uint8Array(fs.readFileSync(file)) : undefined;
    },
  };
}
