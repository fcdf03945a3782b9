/**
 * @module Authorisation, decided here and nowhere else. Routes ask `can(actor, action, target)`;
 * the matrix below is the whole rule and is tested exhaustively (role x action x ownership).
 */
import type { Role } from '../contract/enums.ts';
import { scopeOf, type Grant, type Scope } from './policy/grant.ts';
import { conditionHolds, refusalOf, type Condition, type OrgLink } from './policy/standing.ts';
import { FOUNDATION_ACTIONS, FOUNDATION_GRANTS } from './policy/foundation.ts';
import { GEO_ACTIONS, GEO_GRANTS } from './policy/geo.ts';
import { MONITORING_ACTIONS, MONITORING_GRANTS } from './policy/monitoring.ts';
import { FORCE_ACTIONS, FORCE_GRANTS } from './policy/force.ts';
import { COMPLIANCE_ACTIONS, COMPLIANCE_GRANTS } from './policy/compliance.ts';
import { CONSENT_ACTIONS, CONSENT_GRANTS } from '../capabilities/consent/domain/policy.ts';

export type { Grant, Scope } from './policy/grant.ts';
export type { Condition, OrgLink } from './policy/standing.ts';
/** The foundation's actions (the name the policy tests know them by). */
export { FOUNDATION_ACTIONS as CORE_ACTIONS } from './policy/foundation.ts';

/**
 * Every action, one line per capability (its grants are merged into the matrix below the same
 * way). The capability manifests name the same lists; src/capabilities/index.ts checks at compile
 * time that `Action` is exactly the manifests' actions. (This list lives here because `Action`
 * types the services, which must not import the manifests above them.)
 */
export const ACTIONS = [
  ...FOUNDATION_ACTIONS,
  ...GEO_ACTIONS,
  ...MONITORING_ACTIONS,
  ...FORCE_ACTIONS,
  ...COMPLIANCE_ACTIONS,
  ...CONSENT_ACTIONS,
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who is acting: resolved from a session cookie or a bearer token. */
export interface Actor {
  userId: string;
  organisationId: string;
  role: Role;
  /** The actor's organisation first, then each one above it (conditional grants read it: policy/standing.ts). */
  organisationChain: readonly OrgLink[];
  /** How the actor signed in: a session (or the console acting as an account), or a bearer token. */
  credential: 'session' | 'token';
}

/** What the action is about, where ownership matters. */
export interface Target {
  organisationId?: string;
  /** The account the target belongs to, for `self` grants. */
  userId?: string | undefined;
  /** The parties a record obligates (a provision's), for grants that require the actor to be none of them. */
  partyIds?: readonly string[] | undefined;
}

const MATRIX: Record<Role, Partial<Record<Action, Grant>>> = Object.fromEntries(
  (Object.keys(FOUNDATION_GRANTS) as Role[]).map((role) => [
    role,
    {
      ...FOUNDATION_GRANTS[role],
      ...GEO_GRANTS[role],
      ...MONITORING_GRANTS[role],
      ...FORCE_GRANTS[role],
      ...COMPLIANCE_GRANTS[role],
      ...CONSENT_GRANTS[role],
    },
  ]),
) as Record<Role, Partial<Record<Action, Grant>>>;

/** True when `actor` may do `action` on `target`. Pure; no I/O. */
export function can(actor: Actor, action: Action, target: Target = {}): boolean {
  const grant = MATRIX[actor.role][action];
  if (grant === undefined) return false;
  if (typeof grant !== 'string' && !grant.only.every((c) => conditionHolds(c, actor, target))) return false;
  return scopeHolds(scopeOf(grant), actor, target);
}

function scopeHolds(grant: Scope | undefined, actor: Actor, target: Target): boolean {
  if (grant === 'all') return true;
  // An 'own' grant needs to know whose record it is: a call that forgets the target is denied,
  // never silently allowed everywhere.
  if (grant === 'own') return target.organisationId !== undefined && target.organisationId === actor.organisationId;
  if (grant === 'self') return target.userId !== undefined && target.userId === actor.userId;
  return false;
}

/** The grant's scope, for listings that filter by ownership (e.g. a liaison sees own-org users). */
export function grantOf(actor: Actor, action: Action): Scope | undefined {
  return scopeOf(MATRIX[actor.role][action]);
}

/** Throws `forbidden` unless allowed. A null actor is the operator at the console (CLI with database access). */
export function authorize(actor: Actor | null, action: Action, target: Target = {}): void {
  if (actor === null) return;
  if (!can(actor, action, target)) throw new PolicyDenied(action, unmetCondition(actor, action, target));
}

/** The first condition of the actor's grant that does not hold (to say why, not only that, it was refused). */
function unmetCondition(actor: Actor, action: Action, target: Target): Condition | undefined {
  const grant = MATRIX[actor.role][action];
  return typeof grant === 'object' ? grant.only.find((c) => !conditionHolds(c, actor, target)) : undefined;
}

export class PolicyDenied extends Error {
  constructor(
    readonly action: Action,
    readonly unmet?: Condition,
  ) {
    super(unmet ? refusalOf(unmet, action) : `your role does not allow ${action}`);
  }
}

/**
 * Who sees exact locations (and the exact sector and side of the control line): the monitoring
 * team, who may read reports (monitors of impartial bodies, coordinators, admins), and the
 * operator at the console (actor null). Everyone else (party observers, a party's or a state's
 * monitors, liaisons, the public) sees coarse cells only, in every answer, filter and count
 * (domain/monitoring/precision.ts).
 */
export function seesExactLocations(actor: Actor | null): boolean {
  return actor === null || can(actor, 'report.read');
}

const ACTION_SET: ReadonlySet<string> = new Set(ACTIONS);

/** True for a name the policy knows (routes declare their permission as a string: the contract depends on zod only). */
export function isAction(name: string): name is Action {
  return ACTION_SET.has(name);
}
