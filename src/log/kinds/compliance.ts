/**
 * @module Record kinds of compliance: what of each the log publishes, from its database row (used
 * when a change is appended and by `truce audit`). A delivery's person-level data is never public:
 * only its salted commitment enters the log.
 */
import type { Selectable } from 'kysely';
import type {
  AgreementEventTable,
  ProvisionAssessmentTable,
  ProvisionDeliveryTable,
  ProvisionDisputeTable,
  ProvisionTable,
} from '../../db/schema/compliance.ts';
import type { JsonValue } from '../change-payload.ts';
import type { Deadline, Measure } from '../../contract/compliance.ts';
import { allRows } from '../../repositories/audit.ts';
import { defineRecordKind } from './kind.ts';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function deadlineRuleOf(p: Selectable<ProvisionTable>): Deadline {
  switch (p.deadline_kind) {
    case 'none':
      return { kind: 'none' };
    case 'absolute':
      return { kind: 'absolute', at: iso(p.deadline_at)! };
    case 'relative':
      return {
        kind: 'relative',
        amount: p.offset_amount!,
        unit: p.offset_unit!,
        ...(p.anchor_event_id ? { anchorEventId: p.anchor_event_id } : {}),
        ...(p.anchor_provision_id ? { anchorProvisionId: p.anchor_provision_id } : {}),
      };
  }
}

export function measureOf(p: Selectable<ProvisionTable>): Measure {
  switch (p.measure) {
    case 'count':
      return { kind: 'count', target: Number(p.target), unit: p.unit };
    case 'ratio':
      return { kind: 'ratio', of: p.ratio_of_id!, perUnit: p.ratio_per_unit!, unit: p.unit };
    case 'rate':
      return { kind: 'rate', perDay: Number(p.per_day), unit: p.unit };
    case 'milestone':
      return { kind: 'milestone' };
    case 'judgement':
      return { kind: 'judgement' };
  }
}

export const agreementEventKind = defineRecordKind({
  kind: 'agreement_event',
  public: (e: Selectable<AgreementEventTable>) => ({
    key: e.key,
    name: e.name,
    occurredAt: iso(e.occurred_at),
  }),
  audit: { rows: (db) => allRows(db, 'agreement_events') },
});

export const provisionKind = defineRecordKind({
  kind: 'provision',
  public: (p: Selectable<ProvisionTable>) => ({
    phase: p.phase,
    reference: p.reference,
    title: p.title,
    text: p.body,
    type: p.provision_type,
    partyIds: p.party_ids,
    intermediaryOrgId: p.intermediary_org_id,
    dependsOnId: p.depends_on_id,
    deadlineRule: deadlineRuleOf(p),
    measure: measureOf(p),
  }),
  audit: { rows: (db) => allRows(db, 'provisions') },
});

export const provisionDeliveryKind = defineRecordKind({
  kind: 'provision_delivery',
  public: (d: Selectable<ProvisionDeliveryTable>) => ({
    provisionId: d.provision_id,
    organisationId: d.organisation_id,
    count: Number(d.count),
    occurredAt: iso(d.occurred_at),
    verifier: d.verifier,
    location: d.location,
    evidence: d.evidence,
    personsNamed: d.persons_named,
  }),
  /** Restricted: only salted commitments of the persons named enter the log (nothing when none are). */
  restricted: (d) => (d.persons === null ? undefined : { persons: d.persons as unknown as JsonValue }),
  audit: { rows: (db) => allRows(db, 'provision_deliveries') },
});

export const provisionAssessmentKind = defineRecordKind({
  kind: 'provision_assessment',
  public: (a: Selectable<ProvisionAssessmentTable>) => ({
    provisionId: a.provision_id,
    score: a.score,
    evidence: a.evidence,
    rationale: a.rationale,
    assessedAt: iso(a.assessed_at),
  }),
  audit: { rows: (db) => allRows(db, 'provision_assessments') },
});

export const provisionDisputeKind = defineRecordKind({
  kind: 'provision_dispute',
  public: (d: Selectable<ProvisionDisputeTable>) => ({
    provisionId: d.provision_id,
    organisationId: d.organisation_id,
    reason: d.reason,
    status: d.status,
    resolution: d.resolution,
    openedAt: iso(d.opened_at),
    resolvedAt: iso(d.resolved_at),
  }),
  audit: { rows: (db) => allRows(db, 'provision_disputes') },
});

export const complianceKinds = [
  agreementEventKind,
  provisionKind,
  provisionDeliveryKind,
  provisionAssessmentKind,
  provisionDisputeKind,
] as const;
