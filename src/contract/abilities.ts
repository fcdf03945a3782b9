/**
 * @module What the caller may do, carried on the answers the web UI acts on: the server computes
 * each flag from the one policy (src/domain/policy.ts, via src/presenters/abilities.ts), so pages
 * show or hide actions without knowing role names. Flags are hints for the screen; every write
 * is still authorised by the service.
 */
import { z } from 'zod';

/** What the signed-in account may start on its pages. */
export const SessionAbilities = z.object({
  fileReport: z.boolean(),
  createProvision: z.boolean(),
  offerContribution: z.boolean(),
  planHandover: z.boolean(),
  certifyContribution: z.boolean(),
  /** Propose a decision that asks the parties' consent (issue 12). */
  proposeDecision: z.boolean(),
  /** Set the consent rule of a decision kind (issue 12). */
  setConsentRules: z.boolean(),
});
export type SessionAbilities = z.infer<typeof SessionAbilities>;

/** What the caller may do to one incident. */
export const IncidentAbilities = z.object({
  transition: z.boolean(),
  /** Take the incident (assign it to oneself). */
  assign: z.boolean(),
  /** Approve or contest a proposed ruling. */
  review: z.boolean(),
  /** Merge other incidents in, or split reports out. */
  merge: z.boolean(),
  /** Reply to the ruling (the party it names responsible). */
  reply: z.boolean(),
  /** Appeal the ruling (the party it names responsible, within the period). */
  appeal: z.boolean(),
});
export type IncidentAbilities = z.infer<typeof IncidentAbilities>;

/** What the caller may do to one provision. */
export const ProvisionAbilities = z.object({
  deliver: z.boolean(),
  dispute: z.boolean(),
  assess: z.boolean(),
  resolve: z.boolean(),
});
export type ProvisionAbilities = z.infer<typeof ProvisionAbilities>;
