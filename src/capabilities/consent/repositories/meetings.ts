/** @module Every query of meetings and their action items (migration 018). */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { MeetingActionTable, MeetingTable } from '../schema.ts';

export type MeetingRow = Selectable<MeetingTable>;
export type MeetingActionRow = Selectable<MeetingActionTable>;

export function listMeetingRows(db: Kysely<DB>): Promise<MeetingRow[]> {
  return db.selectFrom('meetings').selectAll().orderBy('held_on', 'desc').orderBy('id').execute();
}

export function findMeetingForUpdate(tx: Kysely<DB>, id: string): Promise<MeetingRow | undefined> {
  return tx.selectFrom('meetings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertMeeting(tx: Kysely<DB>, row: MeetingRow): Promise<void> {
  await tx
    .insertInto('meetings')
    .values({
      ...row,
      attending_org_ids: JSON.stringify(row.attending_org_ids),
      decision_ids: JSON.stringify(row.decision_ids),
    })
    .execute();
}

export async function updateMinutes(
  tx: Kysely<DB>,
  row: Pick<MeetingRow, 'id' | 'minutes' | 'decision_ids' | 'version' | 'updated_at'>,
): Promise<void> {
  await tx
    .updateTable('meetings')
    .set({
      minutes: row.minutes,
      decision_ids: JSON.stringify(row.decision_ids),
      version: row.version,
      updated_at: row.updated_at,
    })
    .where('id', '=', row.id)
    .execute();
}

/** Action items of the given meetings (all when undefined), by due day. */
export function listActionRows(db: Kysely<DB>, meetingIds?: readonly string[]): Promise<MeetingActionRow[]> {
  let q = db.selectFrom('meeting_actions').selectAll();
  if (meetingIds !== undefined) {
    if (meetingIds.length === 0) return Promise.resolve([]);
    q = q.where('meeting_id', 'in', meetingIds);
  }
  return q.orderBy('due_on').orderBy('id').execute();
}

export function findActionForUpdate(tx: Kysely<DB>, id: string): Promise<MeetingActionRow | undefined> {
  return tx.selectFrom('meeting_actions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertAction(tx: Kysely<DB>, row: MeetingActionRow): Promise<void> {
  await tx.insertInto('meeting_actions').values(row).execute();
}

export async function setActionDone(
  tx: Kysely<DB>,
  row: Pick<MeetingActionRow, 'id' | 'done_at' | 'version' | 'updated_at'>,
): Promise<void> {
  await tx
    .updateTable('meeting_actions')
    .set({ done_at: row.done_at, version: row.version, updated_at: row.updated_at })
    .where('id', '=', row.id)
    .execute();
}

/** Which of `ids` are existing decisions. */
export async function existingDecisionIds(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('decisions').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
