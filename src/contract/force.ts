/**
 * @module Force generation and the phased handover: requirements of the mandate, status moves of
 * contributions, the gap analysis, withdrawal milestones, deployments and the handover check.
 */
import { z } from 'zod';
import { CAPABILITIES, CONTRIBUTION_STATUSES, RELEASE_LEVELS } from './enums.ts';
import { IsoDate, LogIndex, Text, Uuid } from './common.ts';
import { Contribution } from './contributions.ts';
import { AreaGeometry } from './geo.ts';
import { ConsentGap } from '../capabilities/consent/contract/consent.ts';

export { IsoDate };

/** The tasks of resolution 2803 (17 Nov 2025) a requirement serves. */
export const MANDATE_TASKS = [
  'border_areas',
  'protection_of_civilians',
  'police_support',
  'decommissioning',
  'humanitarian_corridors',
] as const;
export type MandateTask = (typeof MANDATE_TASKS)[number];

export const MILESTONE_KINDS = ['withdrawal'] as const;
export const FINDING_KINDS = ['vacuum', 'understrength', 'overcommitted', 'unconfirmed', 'unconsented'] as const;
export const READINESS = ['deployed', 'confirmed', 'pledged', 'interest'] as const;

// ---- contribution status moves

export const ContributionTransition = z.object({
  id: Uuid,
  contributionId: Uuid,
  fromStatus: z.enum(CONTRIBUTION_STATUSES).nullable(),
  toStatus: z.enum(CONTRIBUTION_STATUSES),
  /** The day the new status took effect. */
  effectiveOn: IsoDate,
  /** null when the contribution's details are withheld from the caller. */
  reason: z.string().nullable(),
  actorUserId: Uuid.nullable(),
  recordedAt: z.string(),
  version: z.number().int(),
  restricted: z.array(z.string()),
});
export type ContributionTransition = z.infer<typeof ContributionTransition>;

export const TransitionContribution = z.strictObject({
  to: z.enum(CONTRIBUTION_STATUSES),
  reason: Text(2000).trim().min(1),
  /** Defaults to today; never in the future, never before the previous move. */
  effectiveOn: IsoDate.optional(),
  /** The version the caller saw; a stale one is a 409 (someone moved it meanwhile). */
  version: z.number().int().positive().optional(),
});
export type TransitionContribution = z.infer<typeof TransitionContribution>;

export const ContributionTransitioned = Contribution.extend({ logIndex: LogIndex, transition: ContributionTransition });

// ---- requirements

export const Requirement = z.object({
  id: Uuid,
  task: z.enum(MANDATE_TASKS),
  capability: z.enum(CAPABILITIES),
  /** null: mission-wide. */
  sectorId: Uuid.nullable(),
  phase: z.number().int(),
  quantity: z.number().int(),
  /** From this day until a later phase of the same task, capability and sector. */
  neededBy: IsoDate,
  note: z.string(),
  version: z.number().int(),
  releasability: z.enum(RELEASE_LEVELS),
});
export type Requirement = z.infer<typeof Requirement>;

export const CreateRequirement = z.strictObject({
  task: z.enum(MANDATE_TASKS),
  capability: z.enum(CAPABILITIES).exclude(['funding', 'unspecified']),
  sectorId: Uuid.nullable().default(null),
  phase: z.number().int().min(1).max(20),
  quantity: z.number().int().min(0).max(1_000_000),
  neededBy: IsoDate,
  note: Text(2000).default(''),
  /** Default `contributors`. */
  releasability: z.enum(RELEASE_LEVELS).optional(),
});
export type CreateRequirement = z.infer<typeof CreateRequirement>;
export const RequirementWritten = Requirement.extend({ logIndex: LogIndex });

// ---- gap

const Strength = { deployed: z.number(), confirmed: z.number(), pledged: z.number(), interest: z.number() };
const GapRow = z.object({ required: z.number(), ...Strength, gap: z.number() });

export const GapQuery = z.strictObject({ on: IsoDate.optional() });
export const Gap = z.object({
  on: IsoDate,
  byCapability: z.array(GapRow.extend({ capability: z.enum(CAPABILITIES) })),
  bySector: z.array(GapRow.extend({ sectorId: Uuid, sectorName: z.string() })),
  total: GapRow,
  /** Money per currency at each FTS stage; never summed across stages. */
  funding: z.array(z.object({ currency: z.string(), pledged: z.number(), committed: z.number(), paid: z.number() })),
});
export type Gap = z.infer<typeof Gap>;

export const GapSeriesQuery = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 1100, {
    path: ['to'],
    message: 'at most three years',
  });
export const GapSeries = z.object({
  points: z.array(
    z.object({
      on: IsoDate,
      required: z.number(),
      ...Strength,
      gap: z.number(),
      gapByCapability: z.partialRecord(z.enum(CAPABILITIES), z.number()),
    }),
  ),
});
export type GapSeries = z.infer<typeof GapSeries>;

// ---- milestones and deployments

export const Milestone = z.object({
  id: Uuid,
  sectorId: Uuid,
  kind: z.enum(MILESTONE_KINDS),
  at: IsoDate,
  /** Which area is vacated (free text; the control line carries the geometry). */
  area: z.string(),
  /** Under which condition (e.g. a demilitarisation standard met). */
  condition: z.string(),
  /** The party that withdraws (an organisation of kind `party`): the party concerned. */
  partyId: Uuid.nullable(),
  version: z.number().int(),
  releasability: z.enum(RELEASE_LEVELS),
});
export type Milestone = z.infer<typeof Milestone>;

export const CreateMilestone = z.strictObject({
  sectorId: Uuid,
  kind: z.enum(MILESTONE_KINDS),
  at: IsoDate,
  area: Text(500).default(''),
  condition: Text(2000).default(''),
  partyId: Uuid.nullable().default(null),
  /** Default `party`: the withdrawing party sees its own milestones. */
  releasability: z.enum(RELEASE_LEVELS).optional(),
});
export type CreateMilestone = z.infer<typeof CreateMilestone>;
export const UpdateMilestone = z.strictObject({
  at: IsoDate.optional(),
  area: Text(500).optional(),
  condition: Text(2000).optional(),
  version: z.number().int().positive().optional(),
});
export type UpdateMilestone = z.infer<typeof UpdateMilestone>;
export const MilestoneWritten = Milestone.extend({ logIndex: LogIndex });

export const Deployment = z.object({
  id: Uuid,
  contributionId: Uuid,
  sectorId: Uuid,
  from: IsoDate,
  /** Inclusive: the last day the unit is there; null while open-ended, or withheld (see `restricted`). */
  to: IsoDate.nullable(),
  /** null when withheld from the caller. */
  strength: z.number().int().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  /** Who may read the record: the receiving unit, the sector and the day it takes over. */
  releasability: z.enum(RELEASE_LEVELS),
  /** Who may read its figures (strength, last day, note); never looser than `releasability`. */
  detailReleasability: z.enum(RELEASE_LEVELS),
  restricted: z.array(z.string()),
});
export type Deployment = z.infer<typeof Deployment>;

export const CreateDeployment = z
  .strictObject({
    contributionId: Uuid,
    sectorId: Uuid,
    from: IsoDate,
    to: IsoDate.nullable().default(null),
    strength: z.number().int().min(1).max(1_000_000),
    note: Text(2000).default(''),
    /** Defaults `party` and `mission`. */
    releasability: z.enum(RELEASE_LEVELS).optional(),
    detailReleasability: z.enum(RELEASE_LEVELS).optional(),
  })
  .refine((d) => d.to === null || d.to >= d.from, { path: ['to'], message: 'must not be before from' });
export type CreateDeployment = z.infer<typeof CreateDeployment>;
export const UpdateDeployment = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.nullable().optional(),
  strength: z.number().int().min(1).max(1_000_000).optional(),
  note: Text(2000).optional(),
  version: z.number().int().positive().optional(),
});
export type UpdateDeployment = z.infer<typeof UpdateDeployment>;
export const DeploymentWritten = Deployment.extend({ logIndex: LogIndex });

// ---- releasability

export const RELEASABLE_KINDS = ['contribution', 'requirement', 'milestone', 'deployment'] as const;
export type ReleasableKind = (typeof RELEASABLE_KINDS)[number];
export const ReleaseParams = z.strictObject({ kind: z.enum(RELEASABLE_KINDS), id: Uuid });
export const SetRelease = z.strictObject({
  releasability: z.enum(RELEASE_LEVELS),
  /** Contributions and deployments only: who may read the figures; never looser than `releasability`. */
  detailReleasability: z.enum(RELEASE_LEVELS).optional(),
  version: z.number().int().positive().optional(),
});
export type SetRelease = z.infer<typeof SetRelease>;
export const ReleaseSet = z.object({
  kind: z.enum(RELEASABLE_KINDS),
  id: Uuid,
  version: z.number().int(),
  releasability: z.enum(RELEASE_LEVELS),
  detailReleasability: z.enum(RELEASE_LEVELS),
  logIndex: LogIndex,
});
export type ReleaseSet = z.infer<typeof ReleaseSet>;

// ---- the check

export const CheckQuery = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 1100, {
    path: ['to'],
    message: 'at most three years',
  });

export const Finding = z.object({
  kind: z.enum(FINDING_KINDS),
  sectorId: Uuid,
  sectorName: z.string(),
  /** First and last day affected (both inclusive). */
  from: IsoDate,
  to: IsoDate,
  strength: z.number().optional(),
  required: z.number().optional(),
  contributionId: Uuid.optional(),
  deploymentId: Uuid.optional(),
  assigned: z.number().optional(),
  available: z.number().optional(),
  status: z.enum(CONTRIBUTION_STATUSES).optional(),
  /** `unconsented`: the consent the deployment lacks, and whose (issue 12). */
  consent: z.array(ConsentGap).optional(),
});
export type Finding = z.infer<typeof Finding>;
export const HandoverCheck = z.object({ from: IsoDate, to: IsoDate, findings: z.array(Finding) });
export type HandoverCheck = z.infer<typeof HandoverCheck>;

// ---- the line diff

export const LineDiffQuery = z.strictObject({ from: Uuid, to: Uuid });
export const LineDiff = z.object({
  from: z.object({
    id: Uuid,
    lineVersion: z.number().int(),
    validFrom: z.string(),
    source: z.string(),
    authorUserId: Uuid.nullable(),
  }),
  to: z.object({
    id: Uuid,
    lineVersion: z.number().int(),
    validFrom: z.string(),
    source: z.string(),
    authorUserId: Uuid.nullable(),
  }),
  releasedKm2: z.number(),
  takenKm2: z.number(),
  released: AreaGeometry.nullable(),
  taken: AreaGeometry.nullable(),
});
export type LineDiff = z.infer<typeof LineDiff>;
