/**
 * @module `npm test`: every tier, on both engines. Installs missing tools (see ensure-tools),
 * builds the web UI, starts a temporary PostgreSQL, then runs with node's test runner:
 *   unit          pure rules, no I/O
 *   integration   real databases: once on PGlite, once on PostgreSQL (same files)
 *   e2e           the built server as a child process, driven by Chromium via playwright-core
 * Exits non-zero if anything fails; the last line says how many passed and failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureTools, postgresBinDir } from './ensure-tools.ts';
import { startTempPostgres } from './temp-postgres.ts';

const root = path.resolve(import.meta.dirname, '..');

function testFiles(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => path.join(dir, f));
}

interface Tally {
  pass: number;
  fail: number;
}
const total: Tally = { pass: 0, fail: 0 };

function runTier(name: string, files: string[], env: NodeJS.ProcessEnv, concurrency: number): void {
  if (files.length === 0) throw new Error(`no test files for tier ${name}`);
  process.stdout.write(`\n=== ${name}: ${files.length} files ===\n`);
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${concurrency}`,
      // A file ends when its tests have: PGlite's WASM leaves a timer armed after close() on a
      // reopened data directory, which would otherwise keep that file's process alive for good.
      '--test-force-exit',
      // And no test hangs the run: past 10 minutes it fails, naming itself.
      '--test-timeout=600000',
      '--test-reporter=spec',
      ...files,
    ],
    { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  const pass = Number(/ℹ pass (\d+)/.exec(r.stdout)?.[1] ?? 0);
  const fail = Number(/ℹ fail (\d+)/.exec(r.stdout)?.[1] ?? 0);
  total.pass += pass;
  total.fail += fail + (r.status !== 0 && fail === 0 ? 1 : 0);
  process.stdout.write(`--- ${name}: ${pass} passed, ${fail} failed (exit ${r.status})\n`);
}

async function main(): Promise<void> {
  ensureTools();
  const only = process.argv.slice(2); // e.g. `npm test -- unit` runs one tier while developing
  const want = (tier: string) => only.length === 0 || only.includes(tier);

  if (want('unit')) runTier('unit', testFiles('test/unit'), {}, 2);

  if (want('integration') || want('e2e')) {
    const pg = await startTempPostgres(postgresBinDir()!);
    try {
      if (want('integration')) {
        runTier('integration (PGlite)', testFiles('test/integration'), { TRUCE_TEST_ENGINE: 'pglite' }, 2);
        runTier(
          'integration (PostgreSQL)',
          testFiles('test/integration'),
          { TRUCE_TEST_ENGINE: 'postgres', TRUCE_TEST_PG_URL: pg.url },
          2,
        );
      }
      if (want('e2e')) {
        const outDir = process.env.TRUCE_WEB_DIR ? ['--', '--outDir', process.env.TRUCE_WEB_DIR] : [];
        const build = spawnSync('npm', ['run', 'build', '--silent', ...outDir], { cwd: root, stdio: 'inherit' });
        if (build.status !== 0) throw new Error('web build failed');
        runTier('e2e', testFiles('test/e2e'), { TRUCE_TEST_PG_URL: pg.url }, 1);
      }
    } finally {
      pg.stop();
    }
  }
  process.stdout.write(`\n${total.pass} passed, ${total.fail} failed\n`);
  process.exit(total.fail === 0 && total.pass > 0 ? 0 : 1);
}

main().catch((err: unknown) => {
  process.stderr.write(`npm test: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
