/** @module How `truce verify` reads incidents and reports through the API, as the account sees them. */
import type { RecordView } from '../records-check.ts';
import { ifAllowed, opened, type ApiRecords } from '../kinds/kind.ts';

// Accounts that may not read incidents (403) are not checked; any other error fails verification.
export const monitoringApiRecords: ApiRecords[] = [
  (client) =>
    ifAllowed(async () => {
      const incidents = (await client.call('listIncidents', { query: { limit: 500 } })).items;
      const out: RecordView[] = [];
      for (const i of incidents) {
        const { reports } = await client.call('getIncident', { params: { id: i.id } });
        // The monitoring team is shown exact places (and given openings); the log publishes the
        // sector and side of the rounded point, so for the team those two are not compared in clear.
        const exact = reports.some((r) => r.openings !== undefined);
        // Outside the monitoring team the assignee's id is withheld (shown as null while
        // `assigned` is true): compare only what this account is shown.
        const { assigneeUserId, sectorId: _sector, side: _side, ...placeless } = i;
        const shown = exact ? placeless : { ...placeless, sectorId: i.sectorId, side: i.side };
        const fields = i.assigned && assigneeUserId === null ? shown : { ...shown, assigneeUserId };
        out.push({ kind: 'incident', id: i.id, version: i.version, fields });
        // Reports, with their restricted fields for readers given the openings (the monitoring team).
        for (const r of reports) {
          const restricted = {
            sourceName: r.source.name,
            description: r.description,
            exactLon: r.location.coordinates[0],
            exactLat: r.location.coordinates[1],
            exactSectorId: r.sectorId,
            exactSide: r.side,
            evidence: r.evidence.map((e) => e.sha256),
          };
          const { location: _coarseOrExact, evidence: _files, sectorId: _s, side: _d, ...rest } = r;
          const fields = r.openings === undefined ? { ...rest, sectorId: r.sectorId, side: r.side } : rest;
          out.push({ kind: 'report', id: r.id, version: r.version, fields, ...opened(restricted, r.openings) });
        }
      }
      return out;
    }),
];
