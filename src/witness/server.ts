/** @module Runs a witness: its own database (embedded or PostgreSQL), its key, its HTTP listener. */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { openDatabase } from '../db/connect.ts';
import { createWitnessApp } from './app.ts';
import { migrateWitness, type WitnessDB } from './schema.ts';
import { loadOrCreateWitnessKey, type WitnessKey } from './store.ts';

export interface WitnessConfig {
  name: string;
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  logVerifierKeys: string[];
}

export interface RunningWitness {
  url: string;
  key: WitnessKey;
  close(): Promise<void>;
}

/** Opens the witness's database and key without listening (for `truce witness key`). */
export async function openWitness<T>(
  config: Omit<WitnessConfig, 'host' | 'port' | 'logVerifierKeys'>,
  fn: (db: Kysely<WitnessDB>, key: WitnessKey) => Promise<T>,
): Promise<T> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    holder: `truce witness (${config.name})`,
  });
  try {
    const db = database.db as unknown as Kysely<WitnessDB>;
    await migrateWitness(db as unknown as Kysely<unknown>);
    return await fn(db, await loadOrCreateWitnessKey(db, config.name, new Date()));
  } finally {
    await database.close();
  }
}

export async function startWitness(config: WitnessConfig, logger: Logger): Promise<RunningWitness> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    holder: `truce witness (${config.name})`,
  });
  try {
    const db = database.db as unknown as Kysely<WitnessDB>;
    await migrateWitness(db as unknown as Kysely<unknown>);
    const key = await loadOrCreateWitnessKey(db, config.name, new Date());
    const app = createWitnessApp({ db, key, logVerifierKeys: config.logVerifierKeys, now: () => new Date(), logger });
    const server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://${config.host}:${port}`,
      key,
      close: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
