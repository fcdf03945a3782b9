/**
 * @module Chooses the live-events adapter for a database: in-process for PGlite (one process
 * owns the data directory), and LISTEN/NOTIFY for PostgreSQL so that every app server sharing
 * the database hears every change.
 */
import type { Database } from '../db/connect.ts';
import type { EventsPort } from '../services/deps.ts';
import { localEvents } from './local.ts';
import { postgresEvents } from './postgres.ts';

export function createEvents(database: Pick<Database, 'engine' | 'url'>): EventsPort {
  if (database.engine === 'postgres' && database.url) return postgresEvents(database.url);
  return localEvents();
}
