/**
 * @module Configuration from the environment, validated once at start.
 * Secrets (DATABASE_URL may hold a password) are never logged: see `describeConfig`.
 */
import path from 'node:path';
import { z } from 'zod';
import { parseWitnessList, type WitnessEndpoint } from './log/publisher.ts';
import { parseTrustProxy, type TrustProxy } from './api/http/client-address.ts';
import { DEFAULT_LIMITS, type RequestLimits } from './api/http/rate-limit.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './services/monitoring/import-limits.ts';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** Where copies of the log's checkpoints are kept, outside the database (default: DATA_DIR/checkpoints). */
  TRUCE_CHECKPOINT_DIR: z.string().min(1).optional(),
  /** The server backs its database up every this many seconds (0: never; see docs/operations.md). */
  TRUCE_BACKUP_INTERVAL_S: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 86400)
    .default(0),
  TRUCE_BACKUP_DIR: z.string().min(1).default('./backups'),
  /** How many of its own backups the server keeps. */
  TRUCE_BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(14),
  TRUCE_DEMO: z.enum(['0', '1']).default('1'),
  TRUCE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUCE_LOG_ORIGIN: z.string().min(1).default('truce.example/gaza-2025'),
  TRUCE_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  /** Whitespace-separated `<cosigner vkey>@<url>` of tlog witnesses; empty: publish the log's own checkpoint. */
  TRUCE_WITNESSES: z.string().default(''),
  TRUCE_WITNESS_QUORUM: z.coerce.number().int().min(1).optional(),
  /** 1: a write answers once its change is in the log (with its logIndex); 0: at commit (logged within a second). */
  TRUCE_LOG_WAIT: z.enum(['0', '1']).default('1'),
  /** How long the sequencer lets concurrent writes gather into one integration. */
  TRUCE_LOG_LINGER_MS: z.coerce.number().int().min(0).max(1000).default(2),
  /** Proxies whose X-Forwarded-For is believed: empty/0 = none, a hop count, or their addresses. */
  TRUCE_TRUST_PROXY: z.string().default(''),
  /** Password checks running at once in one process; more are answered 429 at once. */
  TRUCE_SIGN_IN_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Lifetime of a new API token when the request names none, and the longest allowed. */
  TRUCE_TOKEN_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  TRUCE_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** How long sign-in events are kept before the periodic purge deletes them. */
  TRUCE_SIGN_IN_EVENT_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** How often each app server purges expired sessions, old sign-in events and idle throttle keys. */
  TRUCE_PURGE_INTERVAL_S: z.coerce.number().int().min(1).max(86400).default(600),
  /** Requests without credentials, per client address and second (sustained), per process. */
  TRUCE_ANON_RATE: z.coerce.number().positive().max(100_000).default(DEFAULT_LIMITS.anonymousPerSecond),
  /** Requests without credentials a client address may send at once. */
  TRUCE_ANON_BURST: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_LIMITS.anonymousBurst),
  /** Live event streams (SSE) one account may hold open at once, per process. */
  TRUCE_SSE_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_LIMITS.streamsPerAccount),
  /** Bulk import: rows per file and bytes per upload (the one publish step grows with the rows). */
  TRUCE_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_IMPORT_LIMITS.maxRows),
  TRUCE_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(DEFAULT_IMPORT_LIMITS.maxBytes),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Copies of every published checkpoint, kept outside the database (src/log/checkpoint-copies.ts). */
  checkpointDir: string;
  /** Backups the server takes itself (intervalMs 0: none). */
  backups: { dir: string; intervalMs: number; keep: number };
  databaseUrl: string | undefined;
  demo: boolean;
  logLevel: z.infer<typeof EnvSchema>['TRUCE_LOG_LEVEL'];
  logOrigin: string;
  secureCookies: boolean;
  logWait: boolean;
  logLingerMs: number;
  witnesses: WitnessEndpoint[];
  /** How many witnesses must cosign before a checkpoint is published (default: all of them). */
  witnessQuorum: number;
  trustProxy: TrustProxy;
  signInConcurrency: number;
  tokenDays: number;
  tokenMaxDays: number;
  signInEventDays: number;
  purgeIntervalMs: number;
  /** Per-process request limits (anonymous requests per address, event streams per account). */
  limits: RequestLimits;
  importLimits: ImportLimits;
}

/** Reads the configuration; throws a readable error naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankToUndefined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  let witnesses: WitnessEndpoint[];
  try {
    witnesses = parseWitnessList(e.TRUCE_WITNESSES);
  } catch (err) {
    throw new Error(`invalid configuration:\n  TRUCE_WITNESSES: ${err instanceof Error ? err.message : String(err)}`);
  }
  let trustProxy: TrustProxy;
  try {
    trustProxy = parseTrustProxy(e.TRUCE_TRUST_PROXY);
  } catch (err) {
    throw new Error(`invalid configuration:\n  TRUCE_TRUST_PROXY: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (e.TRUCE_TOKEN_DAYS > e.TRUCE_TOKEN_MAX_DAYS) {
    throw new Error(
      `invalid configuration:\n  TRUCE_TOKEN_DAYS: ${e.TRUCE_TOKEN_DAYS} is more than TRUCE_TOKEN_MAX_DAYS (${e.TRUCE_TOKEN_MAX_DAYS})`,
    );
  }
  const witnessQuorum = e.TRUCE_WITNESS_QUORUM ?? witnesses.length;
  if (witnesses.length > 0 && witnessQuorum > witnesses.length) {
    throw new Error(
      `invalid configuration:\n  TRUCE_WITNESS_QUORUM: ${witnessQuorum} is more than the ${witnesses.length} witnesses configured`,
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    backups: {
      dir: path.resolve(e.TRUCE_BACKUP_DIR),
      intervalMs: e.TRUCE_BACKUP_INTERVAL_S * 1000,
      keep: e.TRUCE_BACKUP_KEEP,
    },
    checkpointDir: path.resolve(e.TRUCE_CHECKPOINT_DIR ?? path.join(e.DATA_DIR, 'checkpoints')),
    databaseUrl: e.DATABASE_URL,
    demo: e.TRUCE_DEMO === '1',
    logLevel: e.TRUCE_LOG_LEVEL,
    logOrigin: e.TRUCE_LOG_ORIGIN,
    secureCookies: e.TRUCE_SECURE_COOKIES === '1',
    logWait: e.TRUCE_LOG_WAIT === '1',
    logLingerMs: e.TRUCE_LOG_LINGER_MS,
    witnesses,
    witnessQuorum,
    trustProxy,
    signInConcurrency: e.TRUCE_SIGN_IN_CONCURRENCY,
    tokenDays: e.TRUCE_TOKEN_DAYS,
    tokenMaxDays: e.TRUCE_TOKEN_MAX_DAYS,
    signInEventDays: e.TRUCE_SIGN_IN_EVENT_DAYS,
    purgeIntervalMs: e.TRUCE_PURGE_INTERVAL_S * 1000,
    limits: {
      anonymousPerSecond: e.TRUCE_ANON_RATE,
      anonymousBurst: e.TRUCE_ANON_BURST,
      streamsPerAccount: e.TRUCE_SSE_MAX_PER_ACCOUNT,
    },
    importLimits: { maxRows: e.TRUCE_IMPORT_MAX_ROWS, maxBytes: e.TRUCE_IMPORT_MAX_BYTES },
  };
}

/** The configuration as it may be printed: the database password is masked. */
export function describeConfig(c: Config): Record<string, unknown> {
  let db = 'pglite:' + c.dataDir;
  if (c.databaseUrl) {
    const u = new URL(c.databaseUrl);
    if (u.password) u.password = '***';
    db = u.toString();
  }
  return {
    host: c.host,
    port: c.port,
    database: db,
    demo: c.demo,
    origin: c.logOrigin,
    witnesses: c.witnesses.map((w) => w.url),
    witnessQuorum: c.witnessQuorum,
  };
}
