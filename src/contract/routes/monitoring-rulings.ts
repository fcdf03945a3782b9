/** @module Routes of what follows a ruling (issue 13): replies, appeals and the mission's rules of decision; part of the monitoring table. */
import { route } from '../route.ts';
import { IdParams } from '../common.ts';
import { IncidentWritten } from '../monitoring.ts';
import { AppealRequest, MonitoringRules, MonitoringRulesRequest, ReplyRequest } from '../monitoring/rulings.ts';
import { LogIndex } from '../common.ts';

export const monitoringRulingRoutes = {
  replyToRuling: route({
    method: 'post',
    path: '/api/incidents/{id}/replies',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    summary: 'The party a ruling names responsible replies to it; every party reads the reply in the history',
    params: IdParams,
    body: ReplyRequest,
    response: IncidentWritten,
  }),
  appealRuling: route({
    method: 'post',
    path: '/api/incidents/{id}/appeal',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    summary:
      "The party a ruling names responsible appeals it with new evidence, within the mission's period (once per ruling); the incident is reviewed again by the appeal quorum, at least one body of which did not approve the ruling",
    params: IdParams,
    body: AppealRequest,
    response: IncidentWritten,
  }),
  getMonitoringRules: route({
    method: 'get',
    path: '/api/monitoring/rules',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    summary:
      'Who must decide a ruling and an appeal (quorums of monitoring bodies, the proposer), and the appeal period',
    response: MonitoringRules,
  }),
  setMonitoringRules: route({
    method: 'put',
    path: '/api/monitoring/rules',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    summary: 'Set who must decide a ruling and an appeal, and the appeal period (coordinators); a logged change',
    body: MonitoringRulesRequest,
    response: MonitoringRules.extend({ logIndex: LogIndex }),
  }),
};
