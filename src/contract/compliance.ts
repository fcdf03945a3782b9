/**
 * @module Agreement compliance: provisions (what each party promised, by when, measured how),
 * deliveries counted against them, Peace Accords Matrix scores, and disputes of a status.
 * Person-level data on a delivery (names, ids) is optional and shown only to the roles that
 * handle it; it is `null` for everyone else.
 */
import { z } from 'zod';
import { ProvisionAbilities } from './abilities.ts';
import { Instant, LogIndex, Name, Text, Uuid } from './common.ts';
import { DISPUTE_OUTCOMES, DISPUTE_STATUSES, PROVISION_STATUSES, PROVISION_TYPES } from './compliance/enums.ts';

export * from './compliance/enums.ts';

export const Deadline = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('absolute'), at: Instant }),
  z.strictObject({
    kind: z.literal('relative'),
    /** Relative to an agreement event (the ceasefire taking effect) or to another provision's fulfilment. */
    anchorEventId: Uuid.optional(),
    anchorProvisionId: Uuid.optional(),
    amount: z.number().int().min(0).max(36500),
    unit: z.enum(['hours', 'days']),
  }),
]);
export type Deadline = z.infer<typeof Deadline>;

export const Measure = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('count'), target: z.number().int().positive().max(1e9), unit: Text(40).min(1) }),
  z.strictObject({
    kind: z.literal('ratio'),
    of: Uuid,
    perUnit: z.number().int().positive().max(1000),
    unit: Text(40).min(1),
  }),
  /** So many a day (trucks admitted), due from the provision's deadline onwards, counted cumulatively. */
  z.strictObject({ kind: z.literal('rate'), perDay: z.number().int().positive().max(1e7), unit: Text(40).min(1) }),
  z.strictObject({ kind: z.literal('milestone') }),
  z.strictObject({ kind: z.literal('judgement') }),
]);
export type Measure = z.infer<typeof Measure>;

export const Person = z.strictObject({ name: Name, idNumber: Text(60).optional() });
export type Person = z.infer<typeof Person>;

export const Delivery = z.object({
  id: Uuid,
  provisionId: Uuid,
  count: z.number().int(),
  occurredAt: z.string(),
  verifier: z.string(),
  location: z.string(),
  evidence: z.string(),
  organisationId: Uuid.nullable(),
  /** Person-level data: null for roles that may not see it, or when none was recorded. */
  persons: z.array(Person).nullable(),
  /** How many persons were named (visible to all, without the names). */
  personsNamed: z.number().int(),
  version: z.number().int(),
  /** Transparency-log entry of the latest version (null until sequenced). */
  logIndex: LogIndex,
});
export type Delivery = z.infer<typeof Delivery>;

export const Assessment = z.object({
  id: Uuid,
  provisionId: Uuid,
  score: z.number().int(),
  evidence: z.string(),
  rationale: z.string(),
  assessedAt: z.string(),
  version: z.number().int(),
  logIndex: LogIndex,
});
export type Assessment = z.infer<typeof Assessment>;

export const Dispute = z.object({
  id: Uuid,
  provisionId: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  reason: z.string(),
  status: z.enum(DISPUTE_STATUSES),
  resolution: z.string(),
  openedAt: z.string(),
  resolvedAt: z.string().nullable(),
  version: z.number().int(),
  logIndex: LogIndex,
});
export type Dispute = z.infer<typeof Dispute>;

export const Violation = z.object({
  id: Uuid,
  title: z.string(),
  status: z.string(),
  responsibleOrgId: Uuid.nullable(),
  updatedAt: z.string(),
});

export const Provision = z.object({
  id: Uuid,
  phase: z.number().int(),
  reference: z.string(),
  title: z.string(),
  text: z.string(),
  type: z.enum(PROVISION_TYPES),
  parties: z.array(z.object({ id: Uuid, name: z.string() })),
  intermediaryOrgId: Uuid.nullable(),
  dependsOnId: Uuid.nullable(),
  deadlineRule: Deadline,
  measure: Measure,
  // Derived at `asOf` from the deliveries, deadline, rulings and score (never from a dispute):
  status: z.enum(PROVISION_STATUSES),
  /** A party has an open dispute: a flag beside the status, which it never changes. */
  disputed: z.boolean(),
  /** The parties with an open dispute. */
  disputedBy: z.array(z.object({ id: Uuid, name: z.string() })),
  deadline: z.string().nullable(),
  secondsLeft: z.number().int().nullable(),
  started: z.boolean(),
  delivered: z.number(),
  target: z.number().nullable(),
  dueNow: z.number().nullable(),
  fulfilledAt: z.string().nullable(),
  fulfilledLate: z.boolean(),
  score: z.number().int().nullable(),
  /** True when the caller may see (and record) person-level data on this provision. */
  namesVisible: z.boolean(),
  deliveries: z.array(Delivery),
  assessments: z.array(Assessment),
  disputes: z.array(Dispute),
  violations: z.array(Violation),
  version: z.number().int(),
  logIndex: LogIndex,
  /** What the caller may do to this provision (contract/abilities.ts). */
  abilities: ProvisionAbilities.optional(),
});
export type Provision = z.infer<typeof Provision>;

export const ProvisionList = z.object({ asOf: z.string(), items: z.array(Provision) });

export const CreateProvision = z.strictObject({
  phase: z.number().int().min(1).max(9),
  reference: Text(200).default(''),
  title: Name,
  text: Text(4000).default(''),
  type: z.enum(PROVISION_TYPES),
  partyIds: z.array(Uuid).min(1).max(10),
  intermediaryOrgId: Uuid.optional(),
  dependsOnId: Uuid.optional(),
  deadline: Deadline,
  measure: Measure,
});
export type CreateProvision = z.infer<typeof CreateProvision>;

export const ProvisionWritten = z.object({ id: Uuid, version: z.number().int(), logIndex: LogIndex });

export const CreateDelivery = z.strictObject({
  count: z.number().int().min(0).max(1e7),
  occurredAt: Instant,
  verifier: Name,
  location: Text(200).default(''),
  evidence: Text(2000).default(''),
  organisationId: Uuid.optional(),
  persons: z.array(Person).max(5000).optional(),
});
export type CreateDelivery = z.infer<typeof CreateDelivery>;

export const DeliveryWritten = Delivery.extend({ logIndex: LogIndex });

export const CreateAssessment = z.strictObject({
  score: z.number().int().min(0).max(3),
  evidence: Text(2000).trim().min(1),
  rationale: Text(2000).trim().min(1),
});
export const AssessmentWritten = Assessment.extend({ logIndex: LogIndex });

export const CreateDispute = z.strictObject({
  reason: Text(2000).trim().min(1),
  /** The party on whose behalf (default: the caller's organisation). */
  organisationId: Uuid.optional(),
});
export const ResolveDispute = z.strictObject({
  outcome: z.enum(DISPUTE_OUTCOMES),
  resolution: Text(2000).trim().min(1),
});
export const DisputeWritten = Dispute.extend({ logIndex: LogIndex });

export const AgreementEvent = z.object({
  id: Uuid,
  key: z.string(),
  name: z.string(),
  occurredAt: z.string().nullable(),
  version: z.number().int(),
});
export const AgreementEventWritten = AgreementEvent.extend({ logIndex: LogIndex });

/** An event deadlines can count from ("the ceasefire takes effect"); its time may come later. */
export const CreateAgreementEvent = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, 'lower-case letters, digits, - and _ (2-40)'),
  name: Name,
  occurredAt: Instant.optional(),
});
/** Records when the event happened (or corrects it): every deadline counted from it follows. */
export const UpdateAgreementEvent = z.strictObject({ occurredAt: Instant.nullable() });

const GroupRollup = z.object({
  provisions: z.number().int(),
  scored: z.number().int(),
  implementation: z.number(),
  byStatus: z.record(z.enum(PROVISION_STATUSES), z.number().int()),
  /** Provisions with an open dispute, also counted under their derived status. */
  disputed: z.number().int(),
});

export const ComplianceSummary = z.object({
  asOf: z.string(),
  timeZone: z.string(),
  events: z.array(AgreementEvent),
  overall: GroupRollup,
  byPhase: z.array(GroupRollup.extend({ phase: z.number().int() })),
  byParty: z.array(GroupRollup.extend({ organisationId: Uuid, name: z.string() })),
  /** PAM's themes: the provision types. */
  byType: z.array(GroupRollup.extend({ type: z.enum(PROVISION_TYPES) })),
});
