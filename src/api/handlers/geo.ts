/** @module Handlers of the sector and control-line routes. */
import type { Handlers } from './types.ts';
import type { geoRoutes } from '../../contract/routes/geo.ts';

export const geoHandlers: Pick<Handlers, keyof typeof geoRoutes> = {};
