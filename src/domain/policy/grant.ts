/**
 * @module How an action is granted to a role. `all`: on any target. `own`: only where the
 * target belongs to the actor's organisation. `self`: only where the target belongs to the
 * actor's own account (e.g. its API tokens). Absent: denied.
 *
 * A grant may also require conditions of the actor's standing (./standing.ts): the role alone
 * does not say whether a monitor works for an impartial body or for a party, nor whether an
 * account is a party to the provision it acts on. `{ scope, only }` holds when the scope holds
 * and every condition in `only` does.
 */
export type Scope = 'all' | 'own' | 'self';
/** What a conditional grant requires of the actor (evaluated in ./standing.ts). */
export type Condition = 'impartial' | 'disinterested' | 'session';
export type Grant = Scope | { readonly scope: Scope; readonly only: readonly Condition[] };

/** The scope of a grant, conditions aside (for listings that filter by ownership). */
export function scopeOf(grant: Grant | undefined): Scope | undefined {
  return grant === undefined || typeof grant === 'string' ? grant : grant.scope;
}
