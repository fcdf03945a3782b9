/** @module Contribution status moves to API shapes (the reason is withheld with the contribution's figures). */
import type { ContributionTransition } from '../../contract/force.ts';
import type { TransitionRow } from '../../repositories/force/transitions.ts';

export function presentTransition(t: TransitionRow, detail: boolean): ContributionTransition {
  return {
    id: t.id,
    contributionId: t.contribution_id,
    fromStatus: t.from_status,
    toStatus: t.to_status,
    effectiveOn: t.effective_on,
    reason: detail ? t.reason : null,
    actorUserId: t.actor_user_id,
    recordedAt: new Date(t.recorded_at).toISOString(),
    version: t.version,
    restricted: detail ? [] : ['reason'],
  };
}
