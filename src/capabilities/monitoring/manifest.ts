/** @module Monitoring: reports, incidents, rulings with joint approval, evidence, imports, the live map. */
import { defineCapability } from '../define.ts';
import { monitoringRoutes } from '../../contract/routes/monitoring.ts';
import { monitoringHandlers } from '../../api/handlers/monitoring.ts';
import { monitoringFileHandlers } from '../../api/handlers/monitoring-files.ts';
import { monitoringImportHandlers } from '../../api/handlers/monitoring-import.ts';
import { monitoringRulingHandlers } from '../../api/handlers/monitoring-rulings.ts';
import { monitoringPlaceHandlers } from '../../api/handlers/monitoring-places.ts';
import { monitoringCountHandlers } from '../../api/handlers/monitoring-counts.ts';
import { MONITORING_ACTIONS, MONITORING_GRANTS } from '../../domain/policy/monitoring.ts';
import { monitoringKinds } from '../../log/kinds/monitoring.ts';
import { monitoringApiRecords, monitoringPublicRecords } from '../../log/readers/monitoring.ts';
import * as m004 from '../../db/migrations/004-monitoring.ts';
import * as m012 from '../../db/migrations/012-ruling-reviews.ts';
import * as m014 from '../../db/migrations/014-coarse-locations.ts';
import * as m015 from '../../db/migrations/015-report-imports.ts';
import * as m022 from '../../db/migrations/022-ruling-appeals.ts';
import * as m020 from '../../db/migrations/020-report-facts-and-places.ts';
import { seedMonitoring } from '../../demo/modules/monitoring.ts';

export const monitoringCapability = defineCapability({
  name: 'monitoring',
  routes: monitoringRoutes,
  handlers: {
    ...monitoringHandlers,
    ...monitoringFileHandlers,
    ...monitoringImportHandlers,
    ...monitoringRulingHandlers,
    ...monitoringPlaceHandlers,
    ...monitoringCountHandlers,
  },
  policy: { actions: MONITORING_ACTIONS, grants: MONITORING_GRANTS },
  recordKinds: monitoringKinds,
  readers: monitoringApiRecords,
  publicReaders: monitoringPublicRecords,
  migrations: {
    '004-monitoring': m004,
    '012-ruling-reviews': m012,
    '014-coarse-locations': m014,
    // 015, not 010: a database already at 014 must upgrade (migrations run in name order)
    '015-report-imports': m015,
    '022-ruling-appeals': m022,
    '020-report-facts-and-places': m020,
  },
  demo: seedMonitoring,
});
