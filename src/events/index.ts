/**
 * @module Chooses the live-events adapter for a database: in-process for PGlite (one process
 * owns the data directory), and LISTEN/NOTIFY for PostgreSQL so that every app server sharing
 * the database hears every change.
 */
import type { Logger } from 'pino';
import type { Database } from '../db/connect.ts';
import type { EventsPort } from '../services/deps.ts';
import { localEvents } from './local.ts';
import { postgresEvents } from './postgres.ts';

/** `logger` hears every failed publish: a lost hint costs a refresh, but never silently. */
export function createEvents(database: Pick<Database, 'engine' | 'url'>, logger: Logger): EventsPort {
  if (database.engine === 'postgres' && database.url) return postgresEvents(database.url, logger);
  return localEvents(logger);
}
