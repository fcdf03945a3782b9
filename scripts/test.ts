/**
 * @module `npm test`: every tier, on both engines. Installs missing tools (see ensure-tools),
 * builds the web UI, starts a temporary PostgreSQL, then runs with node's test runner:
 *   unit          pure rules, no I/O
 *   integration   real databases: once on PGlite, once on PostgreSQL (same files)
 *   e2e           the built server as a child process, driven by Chromium via playwright-core
 * Exits non-zero if anything fails; the last line says how many passed and failed.
 */
import { spawn, spawnSync } from 'node:child_process';
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

interface Tier {
  name: string;
  files: string[];
  env: NodeJS.ProcessEnv;
  concurrency: number;
}

interface TierRun {
  stdout: string;
  stderr: string;
  status: number | null;
  seconds: number;
}

/** Runs one tier's files with node's test runner; resolves with its whole output. */
function startTier(tier: Tier): Promise<TierRun> {
  if (tier.files.length === 0) throw new Error(`no test files for tier ${tier.name}`);
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${tier.concurrency}`,
      // A file ends when its tests have: PGlite's WASM leaves a timer armed after close() on a
      // reopened data directory, which would otherwise keep that file's process alive for good.
      '--test-force-exit',
      // And no test hangs the run: past 10 minutes it fails, naming itself.
      '--test-timeout=600000',
      '--test-reporter=spec',
      ...tier.files,
    ],
    { cwd: root, env: { ...process.env, ...tier.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status, seconds: (Date.now() - started) / 1000 }));
  });
}

function report(tier: Tier, r: TierRun): void {
  process.stdout.write(`\n=== ${tier.name}: ${tier.files.length} files ===\n`);
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  const pass = Number(/ℹ pass (\d+)/.exec(r.stdout)?.[1] ?? 0);
  const fail = Number(/ℹ fail (\d+)/.exec(r.stdout)?.[1] ?? 0);
  total.pass += pass;
  total.fail += fail + (r.status !== 0 && fail === 0 ? 1 : 0);
  process.stdout.write(
    `--- ${tier.name}: ${pass} passed, ${fail} failed (exit ${r.status}, ${r.seconds.toFixed(0)} s)\n`,
  );
}

/**
 * Runs tiers side by side, printing each one's output whole, in the order given. Each test file
 * has its own process and database, so tiers on different engines share nothing but the CPUs.
 */
async function runTiers(tiers: Tier[]): Promise<void> {
  const runs = tiers.map(startTier);
  for (const [i, tier] of tiers.entries()) report(tier, await runs[i]!);
}

async function main(): Promise<void> {
  ensureTools();
  const only = process.argv.slice(2); // e.g. `npm test -- unit` runs one tier while developing
  const want = (tier: string) => only.length === 0 || only.includes(tier);

  if (want('unit')) await runTiers([{ name: 'unit', files: testFiles('test/unit'), env: {}, concurrency: 2 }]);

  if (want('integration') || want('e2e')) {
    const pg = await startTempPostgres(postgresBinDir()!);
    try {
      if (want('integration')) {
        const files = testFiles('test/integration');
        const tiers: Tier[] = [
          // The PGlite tier gets the server too: `truce db copy` is tested from PGlite into PostgreSQL.
          {
            name: 'integration (PGlite)',
            files,
            env: { TRUCE_TEST_ENGINE: 'pglite', TRUCE_TEST_PG_URL: pg.url },
            concurrency: 2,
          },
          {
            name: 'integration (PostgreSQL)',
            files,
            env: { TRUCE_TEST_ENGINE: 'postgres', TRUCE_TEST_PG_URL: pg.url },
            concurrency: 2,
          },
        ];
        // Side by side only when asked: both tiers are mostly CPU-bound, so on two cores it has
        // not been shown to pay (measure with TRUCE_TEST_TIERS_TOGETHER=1 on an idle machine).
        if (process.env.TRUCE_TEST_TIERS_TOGETHER === '1') await runTiers(tiers);
        else for (const tier of tiers) await runTiers([tier]);
      }
      if (want('e2e')) {
        const outDir = process.env.TRUCE_WEB_DIR ? ['--', '--outDir', process.env.TRUCE_WEB_DIR] : [];
        const build = spawnSync('npm', ['run', 'build', '--silent', ...outDir], { cwd: root, stdio: 'inherit' });
        if (build.status !== 0) throw new Error('web build failed');
        await runTiers([
          { name: 'e2e', files: testFiles('test/e2e'), env: { TRUCE_TEST_PG_URL: pg.url }, concurrency: 1 },
        ]);
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
