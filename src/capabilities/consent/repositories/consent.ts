/** @module Every query of decisions and consent: rules, decisions, answers, notes, and who owns a subject. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { SubjectKind } from '../contract/enums.ts';
import type { Caveat } from '../contract/caveats.ts';
import type { AnswerKind } from '../contract/enums.ts';
import type { ConsentRuleTable, DecisionAnswerTable, DecisionNoteTable, DecisionTable } from '../schema.ts';

export type RuleRow = Selectable<ConsentRuleTable>;
export type DecisionRow = Selectable<DecisionTable>;
export type AnswerRow = Selectable<DecisionAnswerTable>;
export type NoteRow = Selectable<DecisionNoteTable>;

// ---- rules

export function listRules(db: Kysely<DB>): Promise<RuleRow[]> {
  return db.selectFrom('consent_rules').selectAll().orderBy('kind').execute();
}

/** The rule of a kind, locked until the transaction ends. */
export function findRuleForUpdate(tx: Kysely<DB>, kind: RuleRow['kind']): Promise<RuleRow | undefined> {
  return tx.selectFrom('consent_rules').selectAll().where('kind', '=', kind).forUpdate().executeTakeFirst();
}

export async function insertRule(tx: Kysely<DB>, row: RuleRow): Promise<void> {
  await tx
    .insertInto('consent_rules')
    .values({ ...row, required_org_ids: JSON.stringify(row.required_org_ids) })
    .execute();
}

export async function updateRule(tx: Kysely<DB>, row: RuleRow): Promise<void> {
  await tx
    .updateTable('consent_rules')
    .set({
      required_org_ids: JSON.stringify(row.required_org_ids),
      quorum: row.quorum,
      illustrative: row.illustrative,
      note: row.note,
      version: row.version,
      updated_at: row.updated_at,
    })
    .where('id', '=', row.id)
    .execute();
}

// ---- decisions

export function listDecisionRows(db: Kysely<DB>): Promise<DecisionRow[]> {
  return db.selectFrom('decisions').selectAll().orderBy('proposed_at', 'desc').orderBy('id').execute();
}

export function findDecision(db: Kysely<DB>, id: string): Promise<DecisionRow | undefined> {
  return db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The decision, locked until the transaction ends: answers to one decision are taken one at a time. */
export function findDecisionForUpdate(tx: Kysely<DB>, id: string): Promise<DecisionRow | undefined> {
  return tx.selectFrom('decisions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertDecision(tx: Kysely<DB>, row: DecisionRow): Promise<void> {
  await tx
    .insertInto('decisions')
    .values({
      ...row,
      subjects: JSON.stringify(row.subjects),
      required_org_ids: JSON.stringify(row.required_org_ids),
      added_org_ids: JSON.stringify(row.added_org_ids),
    })
    .execute();
}

export async function setDecisionCancelled(
  tx: Kysely<DB>,
  id: string,
  change: Pick<DecisionRow, 'cancelled_at' | 'version' | 'updated_at'>,
): Promise<void> {
  await tx.updateTable('decisions').set(change).where('id', '=', id).execute();
}

/** What deriving a decision's state needs, with its answers as [organisation, answer, at, caveats]. */
export interface DecisionFactsRow {
  id: string;
  kind: DecisionRow['kind'];
  subjects: DecisionRow['subjects'];
  required_org_ids: string[];
  added_org_ids: string[];
  quorum: number | null;
  due_at: Date | string;
  proposed_at: Date | string;
  cancelled_at: Date | string | null;
  answers: [string, AnswerKind, string, Caveat[]][];
}

/**
 * Every decision with its answers, in one set-based query (the handover check's): only the
 * columns a state needs, each decision's answers aggregated in the order they were given, so a
 * reader decodes 500 rows rather than thousands of answer rows with all their text.
 */
/**
 * What the rows of `readDecisionFacts` depend on, in one cheap read: decisions are inserted or
 * move to a higher version, answers are only ever inserted, so any change moves one of these.
 */
async function decisionFingerprint(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ d: number; v: number; a: number }>`
    select (select count(*) from decisions)::int as d, (select coalesce(sum(version), 0) from decisions)::int as v,
           (select count(*) from decision_answers)::int as a`.execute(db);
  const row = r.rows[0];
  return row ? `${row.d}/${row.v}/${row.a}` : '';
}

/**
 * Decisions with their answers, reused while nothing of them changed (the handover check reads
 * them on every call; bench/consent.ts). Keyed per database handle and checked against the
 * database itself, so every app server sees another's changes at once. The fingerprint is read
 * BEFORE the rows: rows newer than their key only cost a refetch, never a stale answer.
 * Callers must not change the rows they get. An edit made in the database behind Truce's back
 * (which `truce verify` exists to catch) reaches the handover check at the next change.
 */
const factsCache = new WeakMap<Kysely<DB>, { key: string; rows: DecisionFactsRow[] }>();
export async function listDecisionFacts(db: Kysely<DB>): Promise<DecisionFactsRow[]> {
  const key = await decisionFingerprint(db);
  const hit = factsCache.get(db);
  if (hit && hit.key === key) return hit.rows;
  const rows = await readDecisionFacts(db);
  factsCache.set(db, { key, rows });
  return rows;
}

function readDecisionFacts(db: Kysely<DB>): Promise<DecisionFactsRow[]> {
  // One grouped pass over the answers (a hash join, not a lookup per decision); json, not jsonb:
  // nothing is stored, so building it costs less. Many small rows cost PGlite far more than a few
  // rows of JSON text.
  const grouped = db
    .selectFrom('decision_answers as a')
    .select([
      'a.decision_id',
      sql<DecisionFactsRow['answers']>`json_agg(json_build_array(a.organisation_id, a.answer, a.answered_at, a.caveats)
        order by a.answered_at, a.created_at, a.id)`.as('answers'),
    ])
    .groupBy('a.decision_id')
    .as('g');
  return db
    .selectFrom('decisions as d')
    .leftJoin(grouped, 'g.decision_id', 'd.id')
    .select([
      'd.id',
      'd.kind',
      'd.subjects',
      'd.required_org_ids',
      'd.added_org_ids',
      'd.quorum',
      'd.due_at',
      'd.proposed_at',
      'd.cancelled_at',
      sql<DecisionFactsRow['answers']>`coalesce(g.answers, '[]'::json)`.as('answers'),
    ])
    .execute();
}

// ---- answers and notes

/** Answers to the given decisions (all decisions when `decisionIds` is undefined), in the order given. */
export function listAnswers(db: Kysely<DB>, decisionIds?: readonly string[]): Promise<AnswerRow[]> {
  let q = db.selectFrom('decision_answers').selectAll();
  if (decisionIds !== undefined) {
    if (decisionIds.length === 0) return Promise.resolve([]);
    q = q.where('decision_id', 'in', decisionIds);
  }
  return q.orderBy('answered_at').orderBy('created_at').orderBy('id').execute();
}

export async function insertAnswer(tx: Kysely<DB>, row: AnswerRow): Promise<void> {
  await tx
    .insertInto('decision_answers')
    .values({ ...row, caveats: JSON.stringify(row.caveats) })
    .execute();
}

export function listNotes(db: Kysely<DB>, decisionIds: readonly string[]): Promise<NoteRow[]> {
  if (decisionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('decision_notes')
    .selectAll()
    .where('decision_id', 'in', decisionIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertNote(tx: Kysely<DB>, row: NoteRow): Promise<void> {
  await tx.insertInto('decision_notes').values(row).execute();
}

// ---- subjects

/** Which of `ids` exist as records of `kind`. */
export async function existingSubjects(
  db: Kysely<DB>,
  kind: SubjectKind,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const table = (
    {
      contribution: 'contributions',
      deployment: 'deployments',
      control_line: 'control_line_versions',
      milestone: 'handover_milestones',
      provision: 'provisions',
      meeting: 'meetings',
    } as const
  )[kind];
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Whose each contribution and deployment is (its contributing organisation): whom a decision on it concerns. */
export async function subjectOwners(db: Kysely<DB>): Promise<Map<string, string>> {
  const [contributions, deployments] = await Promise.all([
    db.selectFrom('contributions').select(['id', 'organisation_id']).execute(),
    db
      .selectFrom('deployments')
      .innerJoin('contributions', 'contributions.id', 'deployments.contribution_id')
      .select(['deployments.id as id', 'contributions.organisation_id as organisation_id'])
      .execute(),
  ]);
  return new Map([...contributions, ...deployments].map((r) => [r.id, r.organisation_id]));
}

/**
 * Per subject record, the organisations any decision on it asks to consent (cancelled ones
 * included: asking already released the record to them).
 */
export async function askedOfSubjects(db: Kysely<DB>): Promise<Map<string, Set<string>>> {
  const rows = await db.selectFrom('decisions').select(['subjects', 'required_org_ids']).execute();
  const out = new Map<string, Set<string>>();
  for (const r of rows)
    for (const s of r.subjects) {
      const set = out.get(s.id) ?? new Set<string>();
      for (const o of r.required_org_ids) set.add(o);
      out.set(s.id, set);
    }
  return out;
}

export function organisationNames(db: Kysely<DB>): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('organisations').select(['id', 'name']).execute();
}
