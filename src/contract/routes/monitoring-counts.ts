/** @module The routes of the period counts (issue 13), part of the monitoring route table. */
import { route } from '../route.ts';
import { DailyCounts, DailyCountsQuery } from '../monitoring/daily-counts.ts';

export const monitoringCountRoutes = {
  getDailyCounts: route({
    method: 'get',
    path: '/api/monitoring/daily-counts',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    permission: 'incident.read',
    summary:
      'Per sector, for the Asia/Gaza days from..to and the same number of days before: events observed, incidents and ruled violations, never added together',
    query: DailyCountsQuery,
    response: DailyCounts,
  }),
} as const;
