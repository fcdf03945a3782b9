/** @module Handlers of the monitoring routes that are not JSON in and out: live events, evidence files, exports. */
import { actorOf, type Handlers } from './types.ts';
import { evidenceFile, storeEvidence } from '../../services/monitoring/evidence.ts';
import { incidentExport } from '../../services/monitoring/exports.ts';
import { isTeam, presentIncident } from '../../presenters/monitoring/index.ts';
import { incidentsCsv, incidentsGeoJson, type ExportContext } from '../../presenters/monitoring/export.ts';
import type { Incident, IncidentFilter } from '../../contract/monitoring.ts';
import type { HandlerContext } from './types.ts';
import type { RouteDef } from '../../contract/route.ts';

type MonitoringFileHandlers = Pick<
  Handlers,
  'monitoringEvents' | 'uploadEvidence' | 'getEvidence' | 'exportIncidentsCsv' | 'exportIncidentsGeoJson'
>;

/** The incidents a caller may read, with the list's filters, redacted as the caller's screen is. */
async function exported(
  ctx: HandlerContext<RouteDef> & { query: IncidentFilter },
): Promise<{ items: Incident[]; ctx: ExportContext }> {
  const actor = actorOf(ctx);
  const x = await incidentExport(ctx.deps, actor, ctx.query);
  return {
    items: x.rows.map((r) => presentIncident(r, actor)),
    ctx: { sectorNames: x.sectorNames, orgNames: x.orgNames, provisionNames: x.provisionNames, exact: isTeam(actor) },
  };
}

export const monitoringFileHandlers: MonitoringFileHandlers = {
  async monitoringEvents() {
    return { topics: ['report', 'incident'] };
  },
  async uploadEvidence(ctx) {
    return storeEvidence(ctx.deps, actorOf(ctx), ctx.body.mediaType, ctx.body.bytes);
  },
  async getEvidence(ctx) {
    const file = await evidenceFile(ctx.deps, actorOf(ctx), ctx.params.sha256);
    // Content-addressed: the bytes behind a hash never change.
    return {
      body: file.content,
      mediaType: file.mediaType,
      filename: ctx.params.sha256,
      cacheControl: 'private, max-age=31536000, immutable',
    };
  },
  async exportIncidentsCsv(ctx) {
    const { items, ctx: names } = await exported(ctx);
    return { body: incidentsCsv(items, names), filename: 'incidents.csv' };
  },
  async exportIncidentsGeoJson(ctx) {
    const { items, ctx: names } = await exported(ctx);
    return { body: JSON.stringify(incidentsGeoJson(items, names)), filename: 'incidents.geojson' };
  },
};
