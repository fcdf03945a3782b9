/**
 * @module The caller's abilities on the records the web UI acts on, computed from the one policy
 * (`can` in src/domain/policy.ts) and attached by the presenters, so pages never test role
 * names. A null actor (the operator at the console) gets none: abilities are for screens.
 */
import type { IncidentAbilities, ProvisionAbilities, SessionAbilities } from '../contract/abilities.ts';
import { NO_ORGANISATION } from '../contract/compliance/enums.ts';
import { can, type Actor } from '../domain/policy.ts';
import { allowedTargets, OPEN_STATUSES, RULED_STATUSES, type IncidentStatus } from '../domain/monitoring/workflow.ts';

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

/** The incident's state, as far as what may be done to it depends on it. */
export interface IncidentState {
  status: IncidentStatus;
  responsibleOrgId: string | null;
  /** Whether an appeal may still be filed (within the period, none yet). */
  appealOpen: boolean;
}

/**
 * What the caller may do to an incident (taking it means assigning it to oneself): the policy
 * says who, the workflow table what still applies (nothing is offered on a published incident
 * but what its table row allows).
 */
export function incidentAbilities(actor: Actor | null, state?: IncidentState): IncidentAbilities {
  const none = { transition: false, assign: false, review: false, merge: false, reply: false, appeal: false };
  if (actor === null) return none;
  const status = state?.status;
  const open = status === undefined || OPEN_STATUSES.includes(status);
  const party = { organisationId: state?.responsibleOrgId ?? NO_ORGANISATION };
  const ruled = status !== undefined && RULED_STATUSES.includes(status) && (state?.responsibleOrgId ?? null) !== null;
  return {
    transition: can(actor, 'incident.transition') && (status === undefined || allowedTargets(status).length > 0),
    assign: can(actor, 'incident.assign', { organisationId: actor.organisationId }) && open,
    review:
      can(actor, 'incident.approve') && (status === undefined || status === 'ruling_proposed' || status === 'appealed'),
    merge: can(actor, 'incident.merge') && open,
    reply: ruled && can(actor, 'incident.reply', party),
    appeal: ruled && state?.appealOpen === true && can(actor, 'incident.appeal', party),
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
