/** @module Handlers of the compliance routes. */
import type { Handlers } from './types.ts';
import type { complianceRoutes } from '../../contract/routes/compliance.ts';

export const complianceHandlers: Pick<Handlers, keyof typeof complianceRoutes> = {};
