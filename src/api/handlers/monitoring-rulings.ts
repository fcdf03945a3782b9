/** @module Handlers of what follows a ruling: replies, appeals, the mission's rules of decision. */
import type { Handlers } from './types.ts';
import { actorOf } from './types.ts';
import type { monitoringRulingRoutes } from '../../contract/routes/monitoring-rulings.ts';
import { appealRuling, replyToRuling } from '../../services/monitoring/appeals.ts';
import { incidentView } from '../../services/monitoring/incidents.ts';
import { monitoringRules, setMonitoringRules } from '../../services/monitoring/rules.ts';
import { presentIncidentView } from '../../presenters/monitoring/index.ts';

export const monitoringRulingHandlers: Pick<Handlers, keyof typeof monitoringRulingRoutes> = {
  async replyToRuling(ctx) {
    const actor = actorOf(ctx);
    const w = await replyToRuling(ctx.deps, actor, ctx.params.id, ctx.body);
    return { ...presentIncidentView(await incidentView(ctx.deps, actor, ctx.params.id), actor), logIndex: w.logIndex };
  },
  async appealRuling(ctx) {
    const actor = actorOf(ctx);
    const w = await appealRuling(ctx.deps, actor, ctx.params.id, ctx.body);
    return { ...presentIncidentView(await incidentView(ctx.deps, actor, ctx.params.id), actor), logIndex: w.logIndex };
  },
  async getMonitoringRules(ctx) {
    return monitoringRules(ctx.deps, actorOf(ctx));
  },
  async setMonitoringRules(ctx) {
    const w = await setMonitoringRules(ctx.deps, actorOf(ctx), ctx.body);
    return { ...w.value, logIndex: w.logIndex };
  },
};
