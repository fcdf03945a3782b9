/** @module A fresh database on the bench's temporary PostgreSQL server. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export async function createPgDatabaseAt(adminUrl: string): Promise<string> {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
