/**
 * @module What a service may touch, passed in explicitly: the database, the clock, the
 * transparency log and the logger. Nothing else reaches outside the process.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.ts';
import type { Engine } from '../db/connect.ts';
import type { Clock } from '../adapters/clock.ts';
import type { PasswordGate } from '../adapters/password-gate.ts';
import type { ImportLimits } from './monitoring/import-limits.ts';
import type { LogPort } from '../log/port.ts';
import type { Topic } from '../contract/routes.ts';

export type { LogPort } from '../log/port.ts';

/** A change worth showing live (a new report, a status change): small, public-safe, no record content. */
export interface ChangeEvent {
  /** One of the topics the event-stream routes declare (contract/routes.ts). */
  topic: Topic;
  id: string;
  at: string;
}

/**
 * Live change notifications across every app server sharing the database (PostgreSQL:
 * LISTEN/NOTIFY; PGlite: one process, so in-process). Publish after commit.
 */
export interface EventsPort {
  publish(event: ChangeEvent): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  close(): Promise<void>;
}

/** The operator's settings for sign-in and API tokens, and this process's password-check gate. */
export interface AuthSettings {
  passwordGate: PasswordGate;
  /** Lifetime of a new token when none is asked for, and the longest one may ask for. */
  tokenDays: number;
  tokenMaxDays: number;
  /** Sign-in events older than this are purged. */
  signInEventDays: number;
}

export interface Deps {
  db: Kysely<DB>;
  engine: Engine;
  clock: Clock;
  log: LogPort;
  logger: Logger;
  events: EventsPort;
  auth: AuthSettings;
  /** Bulk import limits (TRUCE_IMPORT_MAX_ROWS, TRUCE_IMPORT_MAX_BYTES); the defaults when absent. */
  importLimits?: ImportLimits;
}
