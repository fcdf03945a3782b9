/**
 * @module The agreement as it stands at the clock's "now": every provision with its derived
 * status and its history, and the PAM roll-ups per phase and per party.
 */
import { authorize, type Actor } from '../../domain/policy.ts';
import { evaluateAgreement, type ProvisionEvaluation, type ProvisionFacts } from '../../domain/compliance/evaluate.ts';
import { disputeFlag, type DisputeFlag } from '../../domain/compliance/status.ts';
import { rollup, rollupBy, type Rollup } from '../../domain/compliance/rollup.ts';
import { AGREEMENT_TIME_ZONE, type ProvisionType } from '../../contract/compliance/enums.ts';
import {
  loadCompliance,
  type AgreementEventRow,
  type AssessmentRow,
  type DeliveryRow,
  type DisputeRow,
  type ProvisionRow,
  type ViolationRow,
} from '../../repositories/compliance/provisions.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../errors.ts';
import type { DeadlineRule } from '../../domain/compliance/deadline.ts';

export interface ProvisionView {
  row: ProvisionRow;
  evaluation: ProvisionEvaluation;
  /** Open disputes, beside the status (a dispute never changes it). */
  flag: DisputeFlag;
  score: number | null;
  deliveries: DeliveryRow[];
  assessments: AssessmentRow[];
  disputes: DisputeRow[];
  violations: ViolationRow[];
}

export interface ComplianceView {
  asOf: Date;
  provisions: ProvisionView[];
  events: AgreementEventRow[];
  orgNames: ReadonlyMap<string, string>;
  logIndexes: ReadonlyMap<string, number>;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) m.set(key(i), [...(m.get(key(i)) ?? []), i]);
  return m;
}

function deadlineRule(p: ProvisionRow): DeadlineRule {
  switch (p.deadline_kind) {
    case 'none':
      return { kind: 'none' };
    case 'absolute':
      return { kind: 'absolute', at: new Date(p.deadline_at!) };
    case 'relative':
      return { kind: 'relative', amount: p.offset_amount!, unit: p.offset_unit! };
  }
}

export async function complianceView(deps: Deps, actor: Actor | null): Promise<ComplianceView> {
  authorize(actor, 'provision.read');
  const rows = await loadCompliance(deps.db);
  const now = deps.clock.now();
  const deliveries = groupBy(rows.deliveries, (d) => d.provision_id);
  const assessments = groupBy(rows.assessments, (a) => a.provision_id);
  const disputes = groupBy(rows.disputes, (d) => d.provision_id);
  const violations = groupBy(rows.violations, (v) => v.provision_id);
  const latestScore = (id: string) => assessments.get(id)?.at(-1)?.score ?? null;

  const facts: ProvisionFacts[] = rows.provisions.map((p) => ({
    id: p.id,
    measure: p.measure,
    target: p.measure === 'rate' ? Number(p.per_day) : p.target === null ? null : Number(p.target),
    ratio: p.ratio_of_id ? { sourceId: p.ratio_of_id, perUnit: p.ratio_per_unit! } : null,
    deadline: deadlineRule(p),
    anchor: p.anchor_event_id
      ? { eventId: p.anchor_event_id }
      : p.anchor_provision_id
        ? { provisionId: p.anchor_provision_id }
        : null,
    dependsOnId: p.depends_on_id,
    deliveries: (deliveries.get(p.id) ?? []).map((d) => ({
      count: Number(d.count),
      occurredAt: new Date(d.occurred_at),
    })),
    score: latestScore(p.id),
    ruledViolations: (violations.get(p.id) ?? []).length,
  }));
  const eventTimes = new Map(rows.events.map((e) => [e.id, e.occurred_at === null ? null : new Date(e.occurred_at)]));
  const evaluations = evaluateAgreement(facts, eventTimes, now, AGREEMENT_TIME_ZONE);

  return {
    asOf: now,
    events: rows.events,
    orgNames: rows.orgNames,
    logIndexes: rows.logIndexes,
    provisions: rows.provisions.map((p) => ({
      row: p,
      evaluation: evaluations.get(p.id)!,
      flag: disputeFlag(
        (disputes.get(p.id) ?? []).map((d) => ({ organisationId: d.organisation_id, status: d.status })),
      ),
      score: latestScore(p.id),
      deliveries: deliveries.get(p.id) ?? [],
      assessments: assessments.get(p.id) ?? [],
      disputes: disputes.get(p.id) ?? [],
      violations: violations.get(p.id) ?? [],
    })),
  };
}

export async function provisionView(
  deps: Deps,
  actor: Actor | null,
  id: string,
): Promise<ComplianceView & { provision: ProvisionView }> {
  const view = await complianceView(deps, actor);
  const provision = view.provisions.find((p) => p.row.id === id);
  if (!provision) throw notFound('provision');
  return { ...view, provision };
}

export interface ComplianceSummaryView {
  view: ComplianceView;
  overall: Rollup;
  byPhase: Map<number, Rollup>;
  byParty: Map<string, Rollup>;
  byType: Map<ProvisionType, Rollup>;
}

export async function complianceSummary(deps: Deps, actor: Actor | null): Promise<ComplianceSummaryView> {
  const view = await complianceView(deps, actor);
  const items = view.provisions.map((p) => ({
    phase: p.row.phase,
    type: p.row.provision_type,
    parties: p.row.party_ids,
    score: p.score,
    status: p.evaluation.status,
    disputed: p.flag.disputed,
  }));
  return {
    view,
    overall: rollup(items),
    byPhase: rollupBy(items, (i) => [i.phase]),
    byParty: rollupBy(items, (i) => i.parties),
    byType: rollupBy(items, (i) => [i.type]),
  };
}
