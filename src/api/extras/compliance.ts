/**
 * @module The compliance endpoints outside the route table: live change events (SSE) and the
 * exports (CSV): one row per provision, and one row per delivery. Exports
 * never carry person-level data, whatever the caller's role: only how many persons were named.
 */
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../register.ts';
import type { Deps } from '../../services/deps.ts';
import { complianceView } from '../../services/compliance/view.ts';
import { toCsv } from '../../presenters/csv.ts';
import { actorFromRequest } from '../http/authenticate.ts';
import { mountEventStream } from './event-stream.ts';
import { COMPLIANCE_TOPIC } from '../../services/compliance/provisions.ts';

function csvResponse(c: Context<AppEnv>, name: string, body: string): Response {
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', `attachment; filename="${name}"`);
  c.header('cache-control', 'no-store');
  return c.body(body);
}

export function mountComplianceExtras(app: Hono<AppEnv>, deps: Deps): void {
  mountEventStream(app, deps, { path: '/api/compliance/events', action: 'provision.read', topics: [COMPLIANCE_TOPIC] });

  app.get('/api/exports/provisions.csv', async (c) => {
    const view = await complianceView(deps, await actorFromRequest(deps, c));
    const rows = view.provisions.map((p) => [
      p.row.id, p.row.phase, p.row.reference, p.row.title, p.row.provision_type,
      p.row.party_ids.map((id) => view.orgNames.get(id) ?? id).join('; '),
      p.evaluation.status, p.evaluation.deadline?.toISOString() ?? null, p.evaluation.delivered, p.evaluation.target,
      p.evaluation.dueNow, p.score, p.disputes.filter((d) => d.status === 'open').length, p.violations.length,
    ]);
    return csvResponse(c, 'provisions.csv', toCsv(
      ['id', 'phase', 'reference', 'title', 'type', 'parties', 'status', 'deadline', 'delivered', 'target', 'due_now', 'pam_score', 'open_disputes', 'ruled_violations'],
      ['#meta+id', '#indicator+phase', '#meta+ref', '#indicator+name', '#indicator+type', '#group', '#status', '#date+deadline', '#value+delivered', '#value+target', '#value+due', '#indicator+score', '#indicator+disputes', '#indicator+violations'],
      rows,
    ));
  });

  app.get('/api/exports/provision-deliveries.csv', async (c) => {
    const view = await complianceView(deps, await actorFromRequest(deps, c));
    const rows = view.provisions.flatMap((p) => p.deliveries.map((d) => [
      d.id, p.row.id, p.row.title, new Date(d.occurred_at).toISOString(), Number(d.count),
      d.organisation_id === null ? null : view.orgNames.get(d.organisation_id) ?? d.organisation_id,
      d.verifier, d.location, d.evidence, d.persons_named,
    ]));
    return csvResponse(c, 'provision-deliveries.csv', toCsv(
      ['id', 'provision_id', 'provision', 'occurred_at', 'count', 'delivered_by', 'verifier', 'location', 'evidence', 'persons_named'],
      ['#meta+id', '#meta+provision', '#indicator+name', '#date+occurred', '#value', '#group', '#org+verifier', '#loc+name', '#description', '#affected+named'],
      rows,
    ));
  });
}
