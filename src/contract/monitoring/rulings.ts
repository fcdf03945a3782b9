/**
 * @module After a ruling (issue 13): the party it names responsible replies (visible to every
 * party) or appeals with new evidence within the mission's period; an appeal is decided by its
 * own quorum. And who must decide what, per mission (`MonitoringRules`).
 */
import { z } from 'zod';
import { Text, Uuid } from '../common.ts';

export const ReplyRequest = z.strictObject({
  /** The party's answer to the ruling, shown to every party in the incident's history. */
  text: Text(4000).trim().min(1),
});

export const AppealRequest = z.strictObject({
  /** Why the ruling is wrong. */
  grounds: Text(4000).trim().min(1),
  /** What the ruling did not consider: an appeal brings new evidence. */
  newEvidence: Text(4000).trim().min(1),
});

/** Who must decide what, per mission; defaults until a coordinator sets them. */
export const MonitoringRules = z.object({
  missionId: Uuid,
  /** Monitoring bodies that must approve a proposed ruling (never below two). */
  rulingQuorum: z.number().int(),
  /** Bodies that must decide an appeal, at least one of which did not approve the ruling. */
  appealQuorum: z.number().int(),
  /** Whether the proposer's own body counts towards its proposal. */
  proposerCounts: z.boolean(),
  /** Days the responsible party has to appeal, from the ruling. */
  appealDays: z.number().int(),
  /** 0 while the defaults apply (nothing on record yet). */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type MonitoringRules = z.infer<typeof MonitoringRules>;

export const MonitoringRulesRequest = z.strictObject({
  rulingQuorum: z.number().int().min(2).max(50),
  appealQuorum: z.number().int().min(2).max(50),
  proposerCounts: z.boolean(),
  appealDays: z.number().int().min(1).max(365),
  /** Optimistic concurrency: the version the caller saw (0: the defaults). */
  version: z.number().int().nonnegative().optional(),
});
