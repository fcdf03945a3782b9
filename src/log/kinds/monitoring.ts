/**
 * @module Record kinds of monitoring (reports, incidents, incident history), as `truce audit` and
 * `truce verify` read them. `load` uses the same public-fields functions as the writers, so the
 * locations it compares are the rounded ones the log holds (the exact ones are commitments).
 */
import { monitoringPublicFields, monitoringRestrictedFields } from '../../services/monitoring/public-fields.ts';
import type { ApiRecords, AuditedKind } from './kind.ts';

export const monitoringKinds: AuditedKind[] = [
  {
    kind: 'report',
    load: async (db) => (await db.selectFrom('reports').selectAll().execute()).map((r) => ({ kind: 'report', id: r.id, version: r.version, fields: monitoringPublicFields.report(r), restricted: monitoringRestrictedFields.report(r) })),
  },
  {
    kind: 'incident',
    load: async (db) => (await db.selectFrom('incidents').selectAll().execute()).map((i) => ({ kind: 'incident', id: i.id, version: i.version, fields: monitoringPublicFields.incident(i), restricted: monitoringRestrictedFields.incident(i) })),
  },
  {
    kind: 'incident_event',
    load: async (db) =>
      (await db.selectFrom('incident_events').selectAll().execute()).map((e) => ({ kind: 'incident_event', id: e.id, version: 1, fields: monitoringPublicFields.incidentEvent(e), restricted: monitoringRestrictedFields.incidentEvent(e) })),
  },
];

export const monitoringApiRecords: ApiRecords[] = [
  async (client) => {
    try {
      return (await client.call('listIncidents', { query: { limit: 500 } })).items.map((i) => {
        // Outside the monitoring team the assignee's id is withheld (shown as null while
        // `assigned` is true): compare only what this account is shown.
        const { assigneeUserId, ...rest } = i;
        const fields = i.assigned && assigneeUserId === null ? rest : i;
        return { kind: 'incident', id: i.id, version: i.version, fields };
      });
    } catch {
      return []; // Accounts that may not read incidents are simply not checked.
    }
  },
];
