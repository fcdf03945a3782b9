/** @module The mission's monitoring rules (migration 022) and what appeals are judged against. */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { MonitoringRulesTable } from '../../db/schema/monitoring.ts';

export type RulesRow = Selectable<MonitoringRulesTable>;

/** The mission (the first, as everywhere) with its older quorum and its rules row, if any. */
export async function missionRules(
  db: Kysely<DB>,
): Promise<{ missionId: string; approvalQuorum: number; row: RulesRow | undefined } | undefined> {
  const m = await db.selectFrom('missions').select(['id', 'approval_quorum']).orderBy('created_at').executeTakeFirst();
  if (!m) return undefined;
  const row = await db.selectFrom('monitoring_rules').selectAll().where('id', '=', m.id).executeTakeFirst();
  return { missionId: m.id, approvalQuorum: m.approval_quorum, row };
}

export function lockRules(tx: Kysely<DB>, id: string): Promise<RulesRow | undefined> {
  return tx.selectFrom('monitoring_rules').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertRules(tx: Kysely<DB>, row: RulesRow): Promise<void> {
  await tx.insertInto('monitoring_rules').values(row).execute();
}

export async function saveRules(tx: Kysely<DB>, row: RulesRow): Promise<void> {
  const { id, ...rest } = row;
  await tx.updateTable('monitoring_rules').set(rest).where('id', '=', id).execute();
}
