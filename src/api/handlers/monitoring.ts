/** @module Handlers of the monitoring routes. */
import type { Handlers } from './types.ts';
import type { monitoringRoutes } from '../../contract/routes/monitoring.ts';

export const monitoringHandlers: Pick<Handlers, keyof typeof monitoringRoutes> = {};
