/**
 * @module Contributions to the force: who brings what (see force generation).
 */
import { z } from 'zod';
import {
  CAPABILITIES,
  CONTRIBUTION_KINDS,
  CONTRIBUTION_STATUSES,
  CONTRIBUTION_UNITS,
  RELEASE_LEVELS,
} from './enums.ts';
import { IsoDate, LogIndex, Text, Uuid } from './common.ts';

export const Contribution = z.object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  kind: z.enum(CONTRIBUTION_KINDS),
  capability: z.enum(CAPABILITIES),
  /** null when unknown, or withheld (then named in `restricted`). */
  quantity: z.number().nullable(),
  unit: z.enum(CONTRIBUTION_UNITS),
  currency: z.string().nullable(),
  status: z.enum(CONTRIBUTION_STATUSES),
  /** National caveats; null when withheld from the caller. */
  caveats: z.string().nullable(),
  expectedArrival: IsoDate.nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  /** Who may read the record (its existence, who offers what, its status). */
  releasability: z.enum(RELEASE_LEVELS),
  /** Who may read its figures (quantity, caveats, expected arrival, note); never looser than `releasability`. */
  detailReleasability: z.enum(RELEASE_LEVELS),
  /** Fields withheld from this caller (their values are null). */
  restricted: z.array(z.string()),
});
export type Contribution = z.infer<typeof Contribution>;

export const CreateContribution = z
  .strictObject({
    organisationId: Uuid,
    kind: z.enum(CONTRIBUTION_KINDS),
    capability: z.enum(CAPABILITIES),
    quantity: z.number().nonnegative().max(1e12).nullable().default(null),
    unit: z.enum(CONTRIBUTION_UNITS),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
      .optional(),
    status: z.enum(CONTRIBUTION_STATUSES).default('interest'),
    /** The day that status took effect, for offers recorded late (default today; never in the future). */
    statusSince: IsoDate.optional(),
    caveats: Text(2000).default(''),
    expectedArrival: IsoDate.optional(),
    note: Text(4000).default(''),
    /** Defaults: `public` and `mission`; setting them needs `force.release` (coordinators). */
    releasability: z.enum(RELEASE_LEVELS).optional(),
    detailReleasability: z.enum(RELEASE_LEVELS).optional(),
  })
  .refine((c) => (c.unit === 'currency') === (c.currency !== undefined), {
    path: ['currency'],
    message: 'a currency is required exactly when the unit is currency',
  });
export type CreateContribution = z.infer<typeof CreateContribution>;

export const ContributionWritten = Contribution.extend({ logIndex: LogIndex });
