/** @module Force generation and the handover plan: contributions' statuses, requirements, milestones, deployments, releasability. */
import { defineCapability } from '../define.ts';
import { forceRoutes } from '../../contract/routes/force.ts';
import { forceHandlers } from '../../api/handlers/force.ts';
import { forceFileHandlers } from '../../api/handlers/force-files.ts';
import { FORCE_ACTIONS, FORCE_GRANTS } from '../../domain/policy/force.ts';
import { forceKinds } from '../../log/kinds/force.ts';
import { forceApiRecords } from '../../log/readers/force.ts';
import * as m005 from '../../db/migrations/005-force.ts';
import * as m011 from '../../db/migrations/011-releasability.ts';
import { seedForce } from '../../demo/modules/force.ts';

export const forceCapability = defineCapability({
  name: 'force',
  routes: forceRoutes,
  handlers: { ...forceHandlers, ...forceFileHandlers },
  policy: { actions: FORCE_ACTIONS, grants: FORCE_GRANTS },
  recordKinds: forceKinds,
  readers: forceApiRecords,
  migrations: { '005-force': m005, '011-releasability': m011 },
  demo: seedForce,
});
