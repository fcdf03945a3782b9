/**
 * @module The actor's standing, as conditions a grant may require (./grant.ts). Pure.
 *
 * - `impartial`: the actor's organisation and every organisation above it are of kinds that
 *   review rulings (policy/monitoring.ts, the test the ruling quorum uses). A monitor of a
 *   party, of a state, or of a mission under either has a stake in what the workflow decides.
 * - `disinterested`: neither the actor's organisation nor any organisation above it is among
 *   the target's obligated parties (`Target.partyIds`). A target that does not name its
 *   parties is refused: a caller that forgets them must not be allowed everywhere.
 * - `session`: the actor signed in (a cookie session, or the console acting as an account),
 *   not a bearer token: a token must not mint a longer-lived token.
 */
import type { OrgKind } from '../../contract/enums.ts';
import type { Condition } from './grant.ts';
import { reviewsRulings } from './monitoring.ts';

export type { Condition } from './grant.ts';

/** One organisation of the actor's chain. */
export interface OrgLink {
  id: string;
  kind: OrgKind;
}

export interface Standing {
  /** The actor's organisation first, then each one above it up to the top. */
  organisationChain: readonly OrgLink[];
  credential: 'session' | 'token';
}

/** True when monitors of this chain are of an impartial body (a chain that repeats an organisation is bad data: trusted with nothing). */
export function isImpartial(chain: readonly OrgLink[]): boolean {
  if (new Set(chain.map((o) => o.id)).size !== chain.length) return false;
  return reviewsRulings(chain.map((o) => o.kind));
}

/** True when no organisation of the chain is one of `partyIds`. */
export function isDisinterested(chain: readonly OrgLink[], partyIds: readonly string[] | undefined): boolean {
  if (partyIds === undefined) return false;
  return !chain.some((o) => partyIds.includes(o.id));
}

/** Why an action was refused when a condition did not hold (the problem detail a caller reads). */
export function refusalOf(condition: Condition, action: string): string {
  switch (condition) {
    case 'impartial':
      return `only monitors of an impartial monitoring body (an international organisation, a mission or an NGO, not under a party or a state) may ${action}`;
    case 'disinterested':
      return `an account of a party obligated by this record (or of an organisation under it) may not ${action}`;
    case 'session':
      return `${action} needs a signed-in session: a bearer token cannot be used for it`;
  }
}

export function conditionHolds(
  condition: Condition,
  actor: Standing,
  target: { partyIds?: readonly string[] | undefined },
): boolean {
  switch (condition) {
    case 'impartial':
      return isImpartial(actor.organisationChain);
    case 'disinterested':
      return isDisinterested(actor.organisationChain, target.partyIds);
    case 'session':
      return actor.credential === 'session';
  }
}
