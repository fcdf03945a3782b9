/** @module Handlers of the monitoring routes: one service call each, shaped by the presenters. */
import type { Handlers } from './types.ts';
import { actorOf } from './types.ts';
import type { monitoringRoutes } from '../../contract/routes/monitoring.ts';
import type { monitoringRulingRoutes } from '../../contract/routes/monitoring-rulings.ts';
import { fileReport } from '../../services/monitoring/reports.ts';
import { placesNamed } from '../../services/monitoring/places.ts';
import {
  assignIncident,
  incidents,
  incidentView,
  mergeIncidents,
  publishedRulings,
  reviewRuling,
  splitIncident,
  transitionIncident,
} from '../../services/monitoring/incidents.ts';
import { counts, incidentClusters } from '../../services/monitoring/map.ts';
import {
  presentIncident,
  presentIncidentView,
  presentPublicRuling,
  presentReport,
} from '../../presenters/monitoring/index.ts';

export const monitoringHandlers: Pick<
  Handlers,
  Exclude<
    keyof typeof monitoringRoutes,
    | 'monitoringEvents'
    | 'uploadEvidence'
    | 'getEvidence'
    | 'importReports'
    | 'exportIncidentsCsv'
    | 'exportIncidentsGeoJson'
    | keyof typeof monitoringRulingRoutes
    | 'listPlaces'
    | 'getPlace'
    | 'createPlace'
    | 'updatePlace'
    | 'deletePlace'
    | 'getDailyCounts'
  >
> = {
  async createReport(ctx) {
    const actor = actorOf(ctx);
    const r = await fileReport(ctx.deps, actor, ctx.body);
    // A repeat of the same clientId (a retry, a phone back online) is the first answer again: 200, not 201.
    if (r.repeat) ctx.setStatus(200);
    const places = await placesNamed(ctx.deps, [r.report.place_id, r.report.coarse_place_id]);
    // A report just filed belongs to an open incident: no ruling yet releases its perpetrator.
    const facts = { places, incidentStatus: null };
    return { ...presentReport(r.report, actor, undefined, undefined, facts), logIndex: r.logIndex, repeat: r.repeat };
  },
  async listIncidents(ctx) {
    const { limit, ...filter } = ctx.query;
    const actor = actorOf(ctx);
    return { items: (await incidents(ctx.deps, actor, filter, limit)).map((i) => presentIncident(i, actor)) };
  },
  async getIncident(ctx) {
    const actor = actorOf(ctx);
    return presentIncidentView(await incidentView(ctx.deps, actor, ctx.params.id), actor);
  },
  async transitionIncident(ctx) {
    const actor = actorOf(ctx);
    const w = await transitionIncident(ctx.deps, actor, ctx.params.id, ctx.body);
    return { ...presentIncidentView(w.value, actor), logIndex: w.logIndex };
  },
  async reviewRuling(ctx) {
    const actor = actorOf(ctx);
    const w = await reviewRuling(ctx.deps, actor, ctx.params.id, ctx.body);
    return { ...presentIncidentView(w.value, actor), logIndex: w.logIndex };
  },
  async assignIncident(ctx) {
    const actor = actorOf(ctx);
    const w = await assignIncident(ctx.deps, actor, ctx.params.id, ctx.body);
    return { ...presentIncidentView(w.value, actor), logIndex: w.logIndex };
  },
  async mergeIncidents(ctx) {
    const actor = actorOf(ctx);
    const w = await mergeIncidents(ctx.deps, actor, ctx.params.id, ctx.body);
    return { ...presentIncidentView(w.value, actor), logIndex: w.logIndex };
  },
  async splitIncident(ctx) {
    const actor = actorOf(ctx);
    const w = await splitIncident(ctx.deps, actor, ctx.params.id, ctx.body);
    return { ...presentIncidentView(w.value, actor), logIndex: w.logIndex };
  },
  async incidentClusters(ctx) {
    return incidentClusters(ctx.deps, actorOf(ctx), ctx.query);
  },
  async monitoringCounts(ctx) {
    return counts(ctx.deps, actorOf(ctx));
  },
  async listPublishedRulings(ctx) {
    return { items: (await publishedRulings(ctx.deps)).map(presentPublicRuling) };
  },
};
