/**
 * @module Endpoints that are not JSON request/response and so sit outside the route table:
 * Server-Sent Events, file uploads and downloads, exports. Each capability mounts its own.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../register.ts';
import type { Deps } from '../../services/deps.ts';
import { mountMonitoringExtras } from './monitoring.ts';
import { mountForceExtras } from './force.ts';
import { mountComplianceExtras } from './compliance.ts';
import { mountSitrepExtras } from './sitrep.ts';
import { mountIncidentExports } from './incident-exports.ts';

export function mountCapabilityExtras(app: Hono<AppEnv>, deps: Deps): void {
  mountMonitoringExtras(app, deps);
  mountForceExtras(app, deps);
  mountComplianceExtras(app, deps);
  mountSitrepExtras(app, deps);
  mountIncidentExports(app, deps);
}
