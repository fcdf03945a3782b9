/**
 * @module Compliance rows to API shapes. The one place person-level data is redacted: a
 * delivery's `persons` leaves only for a caller allowed `provision.names` on that provision
 * (its intermediary's liaisons, coordinators, admins); everyone else gets `null` and the count.
 */
import type { z } from 'zod';
import type { AgreementEvent, ComplianceSummary, Delivery, Dispute, Provision } from '../../contract/compliance.ts';
import type { Assessment } from '../../contract/compliance.ts';
import { can, type Actor } from '../../domain/policy.ts';
import type { Rollup } from '../../domain/compliance/rollup.ts';
import { AGREEMENT_TIME_ZONE, NO_ORGANISATION } from '../../contract/compliance/enums.ts';
import type {
  AgreementEventRow,
  AssessmentRow,
  DeliveryRow,
  DisputeRow,
  ProvisionRow,
} from '../../repositories/compliance/provisions.ts';
import type { ComplianceSummaryView, ComplianceView, ProvisionView } from '../../services/compliance/view.ts';
import { provisionAbilities } from '../abilities.ts';
import { deadlineRuleOf, measureOf } from '../../log/kinds/compliance.ts';

const iso = (d: Date | string): string => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null): string | null => (d === null ? null : iso(d));

/** Whether the caller may see person-level data on this provision (null: the operator at the console). */
export function namesVisibleTo(actor: Actor | null, provision: ProvisionRow): boolean {
  return (
    actor === null ||
    can(actor, 'provision.names', { organisationId: provision.intermediary_org_id ?? NO_ORGANISATION })
  );
}

export function presentDelivery(d: DeliveryRow, showNames: boolean, logIndex: number | null = null): Delivery {
  return {
    id: d.id,
    provisionId: d.provision_id,
    count: Number(d.count),
    occurredAt: iso(d.occurred_at),
    verifier: d.verifier,
    location: d.location,
    evidence: d.evidence,
    organisationId: d.organisation_id,
    persons: showNames && d.persons !== null ? d.persons : null,
    personsNamed: d.persons_named,
    version: d.version,
    logIndex,
  };
}

export function presentAssessment(a: AssessmentRow, logIndex: number | null = null): Assessment {
  return {
    id: a.id,
    provisionId: a.provision_id,
    score: a.score,
    evidence: a.evidence,
    rationale: a.rationale,
    assessedAt: iso(a.assessed_at),
    version: a.version,
    logIndex,
  };
}

export function presentDispute(d: DisputeRow, organisationName: string, logIndex: number | null = null): Dispute {
  return {
    id: d.id,
    provisionId: d.provision_id,
    organisationId: d.organisation_id,
    organisationName,
    reason: d.reason,
    status: d.status,
    resolution: d.resolution,
    openedAt: iso(d.opened_at),
    resolvedAt: isoOrNull(d.resolved_at),
    version: d.version,
    logIndex,
  };
}

export function presentProvision(p: ProvisionView, view: ComplianceView, actor: Actor | null): Provision {
  const r = p.row;
  const e = p.evaluation;
  const showNames = namesVisibleTo(actor, r);
  const logIndex = (kind: string, id: string) => view.logIndexes.get(`${kind}/${id}`) ?? null;
  return {
    id: r.id,
    phase: r.phase,
    reference: r.reference,
    title: r.title,
    text: r.body,
    type: r.provision_type,
    parties: r.party_ids.map((id) => ({ id, name: view.orgNames.get(id) ?? '' })),
    intermediaryOrgId: r.intermediary_org_id,
    dependsOnId: r.depends_on_id,
    deadlineRule: deadlineRuleOf(r),
    measure: measureOf(r),
    status: e.status,
    disputed: p.flag.disputed,
    disputedBy: p.flag.disputedBy.map((id) => ({ id, name: view.orgNames.get(id) ?? '' })),
    deadline: isoOrNull(e.deadline),
    secondsLeft: e.deadline === null ? null : Math.floor((e.deadline.getTime() - view.asOf.getTime()) / 1000),
    started: e.started,
    delivered: e.delivered,
    target: e.target,
    dueNow: e.dueNow,
    fulfilledAt: isoOrNull(e.fulfilledAt),
    fulfilledLate: e.fulfilledLate,
    score: p.score,
    namesVisible: showNames,
    deliveries: p.deliveries.map((d) => presentDelivery(d, showNames, logIndex('provision_delivery', d.id))),
    assessments: p.assessments.map((a) => presentAssessment(a, logIndex('provision_assessment', a.id))),
    disputes: p.disputes.map((d) =>
      presentDispute(d, view.orgNames.get(d.organisation_id) ?? '', logIndex('provision_dispute', d.id)),
    ),
    violations: p.violations.map((v) => ({
      id: v.id,
      title: v.title,
      status: v.status,
      responsibleOrgId: v.responsible_org_id,
      updatedAt: iso(v.updated_at),
    })),
    version: r.version,
    logIndex: logIndex('provision', r.id),
    abilities: provisionAbilities(actor, { intermediaryOrgId: r.intermediary_org_id, partyIds: r.party_ids }),
  };
}

export function presentAgreementEvent(e: AgreementEventRow): z.infer<typeof AgreementEvent> {
  return { id: e.id, key: e.key, name: e.name, occurredAt: isoOrNull(e.occurred_at), version: e.version };
}

const presentRollup = (r: Rollup) => ({
  provisions: r.provisions,
  scored: r.scored,
  implementation: r.implementation,
  byStatus: r.byStatus,
  disputed: r.disputed,
});

export function presentSummary(s: ComplianceSummaryView): z.infer<typeof ComplianceSummary> {
  return {
    asOf: iso(s.view.asOf),
    timeZone: AGREEMENT_TIME_ZONE,
    events: s.view.events.map(presentAgreementEvent),
    overall: presentRollup(s.overall),
    byPhase: [...s.byPhase].sort(([a], [b]) => a - b).map(([phase, r]) => ({ phase, ...presentRollup(r) })),
    byParty: [...s.byParty]
      .map(([organisationId, r]) => ({
        organisationId,
        name: s.view.orgNames.get(organisationId) ?? '',
        ...presentRollup(r),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    byType: [...s.byType]
      .map(([type, r]) => ({ type, ...presentRollup(r) }))
      .sort((a, b) => a.type.localeCompare(b.type)),
  };
}
