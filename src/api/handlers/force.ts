/** @module Handlers of the force routes. */
import type { Handlers } from './types.ts';
import type { forceRoutes } from '../../contract/routes/force.ts';

export const forceHandlers: Pick<Handlers, keyof typeof forceRoutes> = {};
