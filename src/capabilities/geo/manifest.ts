/** @module Sectors and control lines: the map every other capability places its records on. */
import { defineCapability } from '../define.ts';
import { geoRoutes } from '../../contract/routes/geo.ts';
import { geoHandlers } from '../../api/handlers/geo.ts';
import { GEO_ACTIONS, GEO_GRANTS } from '../../domain/policy/geo.ts';
import { geoKinds } from '../../log/kinds/geo.ts';
import { geoApiRecords } from '../../log/readers/geo.ts';
import * as m003 from '../../db/migrations/003-geo.ts';
import { seedGeo } from '../../demo/modules/geo.ts';

export const geoCapability = defineCapability({
  name: 'geo',
  routes: geoRoutes,
  handlers: geoHandlers,
  policy: { actions: GEO_ACTIONS, grants: GEO_GRANTS },
  recordKinds: geoKinds,
  readers: geoApiRecords,
  migrations: { '003-geo': m003 },
  demo: seedGeo,
});
