/**
 * @module The caller's abilities on the records the web UI acts on, computed from the one policy
 * (`can` in src/domain/policy.ts) and attached by the presenters, so pages never test role
 * names. A null actor (the operator at the console) gets none: abilities are for screens.
 */
import type { IncidentAbilities, ProvisionAbilities, SessionAbilities } from '../contract/abilities.ts';
import { NO_ORGANISATION } from '../contract/compliance/enums.ts';
import { can, type Actor } from '../domain/policy.ts';

/** What an account may start on its pages. `own` grants are asked about the account's own organisation. */
export function sessionAbilities(actor: Actor): SessionAbilities {
  const own = { organisationId: actor.organisationId };
  return {
    fileReport: can(actor, 'report.create'),
    createProvision: can(actor, 'provision.create'),
    offerContribution: can(actor, 'contribution.create', own),
    planHandover: can(actor, 'deployment.write') && can(actor, 'milestone.write'),
    certifyContribution: can(actor, 'contribution.certify'),
    proposeDecision: can(actor, 'decision.propose'),
    setConsentRules: can(actor, 'consent.rules'),
  };
}

/** What the caller may do to an incident (taking it means assigning it to oneself). */
export function incidentAbilities(actor: Actor | null): IncidentAbilities {
  if (actor === null) return { transition: false, assign: false, review: false, merge: false };
  return {
    transition: can(actor, 'incident.transition'),
    assign: can(actor, 'incident.assign', { organisationId: actor.organisationId }),
    review: can(actor, 'incident.approve'),
    merge: can(actor, 'incident.merge'),
  };
}

/**
 * What the caller may do to a provision: deliveries are checked against its intermediary, and
 * recording, scoring and resolving against its obligated parties (nobody judges their own obligation).
 */
export function provisionAbilities(
  actor: Actor | null,
  provision: { intermediaryOrgId: string | null; partyIds: readonly string[] },
): ProvisionAbilities {
  if (actor === null) return { deliver: false, dispute: false, assess: false, resolve: false };
  const { partyIds } = provision;
  return {
    deliver: can(actor, 'provision.deliver', {
      organisationId: provision.intermediaryOrgId ?? NO_ORGANISATION,
      partyIds,
    }),
    dispute: can(actor, 'provision.dispute', { organisationId: actor.organisationId }),
    assess: can(actor, 'provision.assess', { partyIds }),
    resolve: can(actor, 'provision.resolve', { partyIds }),
  };
}
