/** @module Queries on contribution status moves. */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ContributionTransitionTable } from '../../db/schema/force.ts';

export type TransitionRow = Selectable<ContributionTransitionTable>;

/** Moves of one contribution, in effect order (ties in the order they were recorded). */
export function listTransitions(db: Kysely<DB>, contributionId: string): Promise<TransitionRow[]> {
  return db
    .selectFrom('contribution_transitions')
    .selectAll()
    .where('contribution_id', '=', contributionId)
    .orderBy('effective_on')
    .orderBy('recorded_at')
    .execute();
}

/** Every move of every contribution, in effect order. */
export function listAllTransitions(db: Kysely<DB>): Promise<TransitionRow[]> {
  return db
    .selectFrom('contribution_transitions')
    .selectAll()
    .orderBy('contribution_id')
    .orderBy('effective_on')
    .orderBy('recorded_at')
    .execute();
}

export async function insertTransition(db: Kysely<DB>, row: TransitionRow): Promise<void> {
  await db.insertInto('contribution_transitions').values(row).execute();
}

/** The effective day of the contribution's latest move, if it has one. */
export async function lastTransitionDay(tx: Kysely<DB>, contributionId: string): Promise<string | undefined> {
  const last = await tx
    .selectFrom('contribution_transitions')
    .select('effective_on')
    .where('contribution_id', '=', contributionId)
    .orderBy('effective_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last?.effective_on;
}
