/** @module Compliance: provisions, deliveries (names restricted), scores, disputes, the derived statuses. */
import { defineCapability } from '../define.ts';
import { complianceRoutes } from '../../contract/routes/compliance.ts';
import { complianceHandlers } from '../../api/handlers/compliance.ts';
import { complianceFileHandlers } from '../../api/handlers/compliance-files.ts';
import { COMPLIANCE_ACTIONS, COMPLIANCE_GRANTS } from '../../domain/policy/compliance.ts';
import { complianceKinds } from '../../log/kinds/compliance.ts';
import { complianceApiRecords } from '../../log/readers/compliance.ts';
import * as m006 from '../../db/migrations/006-compliance.ts';
import { seedCompliance } from '../../demo/modules/compliance.ts';

export const complianceCapability = defineCapability({
  name: 'compliance',
  routes: complianceRoutes,
  handlers: { ...complianceHandlers, ...complianceFileHandlers },
  policy: { actions: COMPLIANCE_ACTIONS, grants: COMPLIANCE_GRANTS },
  recordKinds: complianceKinds,
  readers: complianceApiRecords,
  migrations: { '006-compliance': m006 },
  demo: seedCompliance,
});
