/**
 * @module Every HTTP operation of the API, declared once: each capability's route table, one
 * line each (the web UI and the CLI import this, never the server's capability manifests).
 * Adding a route without a handler fails type-checking in the capability's manifest.
 */
import { foundationRoutes } from './routes/foundation.ts';
import { geoRoutes } from './routes/geo.ts';
import { monitoringRoutes } from './routes/monitoring.ts';
import { forceRoutes } from './routes/force.ts';
import { complianceRoutes } from './routes/compliance.ts';
import { logRoutes } from './routes/log.ts';
import { consentRoutes } from '../capabilities/consent/contract/routes.ts';

export const routes = {
  ...foundationRoutes,
  ...geoRoutes,
  ...monitoringRoutes,
  ...forceRoutes,
  ...complianceRoutes,
  ...consentRoutes,
  ...logRoutes,
} as const;

export type Routes = typeof routes;
export type RouteId = keyof Routes;

type TopicsOf<D> = D extends { produces?: infer O }
  ? O extends { kind: 'sse'; topics: readonly (infer T)[] }
    ? T
    : never
  : never;

/**
 * The topics of live change notifications: those the event-stream routes declare. Services
 * announce changes under these names only, and the web UI subscribes to them by the same names.
 */
export type Topic = { [K in RouteId]: TopicsOf<Routes[K]> }[RouteId];
