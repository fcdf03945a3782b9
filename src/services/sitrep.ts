/**
 * @module The daily situation report, assembled from the capabilities' own services (so each
 * part is authorised and redacted exactly as on its own page) and from the record of changes of
 * that day. Compliance is evaluated as at the end of the day (or now, for today).
 */
import type { Sitrep } from '../contract/sitrep.ts';
import { AGREEMENT_TIME_ZONE } from '../contract/compliance/enums.ts';
import { dayWindow, localDate } from '../domain/sitrep.ts';
import { authorize, type Actor } from '../domain/policy.ts';
import { audienceOf } from '../domain/policy/force.ts';
import { counts } from './monitoring/map.ts';
import { forceGap } from './force/gap.ts';
import { handoverCheck } from './handover/check.ts';
import { complianceView } from './compliance/view.ts';
import { countChangesBetween, logSize } from '../repositories/record-changes.ts';
import type { Deps } from './deps.ts';
import { listDecisions } from '../capabilities/consent/services/view.ts';
import { meetingsView } from '../capabilities/consent/services/meetings.ts';
import { actionStatus } from '../capabilities/consent/domain/meetings.ts';

const WEEK_MS = 7 * 86_400_000;

export async function situationReport(deps: Deps, actor: Actor | null, date?: string): Promise<Sitrep> {
  authorize(actor, 'log.read');
  const now = deps.clock.now();
  const day = dayWindow(date ?? localDate(now, AGREEMENT_TIME_ZONE), AGREEMENT_TIME_ZONE);
  const asOf = new Date(Math.min(day.to.getTime() - 1, now.getTime()));
  const atEndOfDay: Deps = { ...deps, clock: { now: () => asOf } };

  const [changes, log, totals, gap, findings, agreement, decisions, meetings] = await Promise.all([
    countChangesBetween(deps.db, day.from, day.to),
    logSize(deps.db),
    counts(deps, actor),
    forceGap(deps, actor, day.date),
    handoverCheck(deps, actor, day.date, day.date),
    complianceView(atEndOfDay, actor),
    // Each filtered to what the caller reads, exactly as on the decisions page.
    listDecisions(atEndOfDay, actor),
    meetingsView(atEndOfDay, actor),
  ]);
  // Decisions proposed after the day do not belong to it.
  const standing = decisions.decisions.filter((d) => new Date(d.row.proposed_at) <= asOf);
  const orgName = (id: string) => decisions.orgNames.get(id) ?? '';
  const changed = (kind: string, op?: string) =>
    changes.filter((c) => c.kind === kind && (op === undefined || c.op === op)).reduce((n, c) => n + c.count, 0);

  const byStatus: Record<string, number> = {};
  for (const p of agreement.provisions) byStatus[p.evaluation.status] = (byStatus[p.evaluation.status] ?? 0) + 1;
  const open = agreement.provisions.filter((p) => p.evaluation.status !== 'fulfilled');
  return {
    date: day.date,
    timeZone: AGREEMENT_TIME_ZONE,
    from: day.from.toISOString(),
    to: day.to.toISOString(),
    generatedAt: now.toISOString(),
    log: { entries: log, changesThatDay: changes.reduce((n, c) => n + c.count, 0) },
    changes,
    monitoring: {
      reportsFiled: changed('report', 'create'),
      incidentChanges: changed('incident'),
      totals: {
        reports: totals.reports,
        incidents: totals.incidents,
        ruledViolations: totals.ruledViolations,
        publishedViolations: totals.publishedViolations,
      },
    },
    // forceGap and handoverCheck apply the caller's releasability: nothing withheld reaches the report.
    releasedTo: audienceOf(actor),
    force: {
      required: gap.total.required,
      deployed: gap.total.deployed,
      confirmed: gap.total.confirmed,
      pledged: gap.total.pledged,
      gap: gap.total.gap,
      byCapability: gap.byCapability
        .filter((c) => c.required > 0 || c.deployed > 0)
        .map((c) => ({ capability: c.capability, required: c.required, deployed: c.deployed, gap: c.gap })),
    },
    handover: findings.map((f) => ({ kind: f.kind, sectorName: f.sectorName, from: f.from, to: f.to })),
    compliance: {
      byStatus,
      // A dispute is a flag beside the status: a disputed breach is still listed as a breach.
      disputed: agreement.provisions.filter((p) => p.flag.disputed).length,
      late: open
        .filter((p) => p.evaluation.status === 'late' || p.evaluation.status === 'breached')
        .map((p) => ({
          title: p.row.title,
          status: p.evaluation.status,
          deadline: p.evaluation.deadline?.toISOString() ?? null,
          delivered: p.evaluation.delivered,
          dueNow: p.evaluation.dueNow,
          disputedBy: p.flag.disputedBy.map((id) => agreement.orgNames.get(id) ?? ''),
        })),
      dueWithinAWeek: open
        .filter(
          (p) =>
            p.evaluation.deadline !== null &&
            p.evaluation.deadline > asOf &&
            p.evaluation.deadline.getTime() - asOf.getTime() <= WEEK_MS,
        )
        .map((p) => ({ title: p.row.title, deadline: p.evaluation.deadline!.toISOString() })),
      deliveriesThatDay: agreement.provisions
        .flatMap((p) => p.deliveries)
        .filter((d) => new Date(d.occurred_at) >= day.from && new Date(d.occurred_at) < day.to).length,
    },
    consent: {
      adoptedThatDay: standing
        .filter((d) => d.status.state === 'adopted' && d.status.adoptedAt !== null)
        .filter((d) => new Date(d.status.adoptedAt!) >= day.from && new Date(d.status.adoptedAt!) < day.to)
        .map((d) => ({ id: d.row.id, kind: d.row.kind, title: d.row.title, adoptedAt: d.status.adoptedAt! })),
      blocked: standing
        .filter((d) => d.status.state === 'blocked')
        .map((d) => ({ id: d.row.id, kind: d.row.kind, title: d.row.title })),
      awaiting: standing
        .filter((d) => d.status.state === 'pending')
        .map((d) => ({
          id: d.row.id,
          kind: d.row.kind,
          title: d.row.title,
          dueAt: new Date(d.row.due_at).toISOString(),
          awaiting: d.status.awaiting.map(orgName),
        })),
      lateActions: meetings.meetings.flatMap((m) =>
        m.actions
          .filter((a) => new Date(a.created_at) <= asOf)
          .filter((a) => {
            const doneAt = a.done_at !== null && new Date(a.done_at) <= asOf ? new Date(a.done_at).toISOString() : null;
            return actionStatus({ dueOn: a.due_on, doneAt }, asOf) === 'late';
          })
          .map((a) => ({
            title: a.title,
            meeting: m.row.title,
            owner: meetings.orgNames.get(a.owner_org_id) ?? '',
            dueOn: a.due_on,
          })),
      ),
    },
  };
}
