/** @module The monitoring endpoints outside the route table: live events, evidence files, bulk import. */
import type { Hono } from 'hono';
import type { AppEnv } from '../register.ts';
import type { Deps } from '../../services/deps.ts';
import { mountEventStream } from './event-stream.ts';
import { mountEvidence } from './monitoring/evidence.ts';
import { mountImport } from './monitoring/import.ts';

export function mountMonitoringExtras(app: Hono<AppEnv>, deps: Deps): void {
  mountEventStream(app, deps, { path: '/api/monitoring/events', action: 'incident.read', topics: ['report', 'incident'] });
  mountEvidence(app, deps);
  mountImport(app, deps);
}
