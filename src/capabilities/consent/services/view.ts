/**
 * @module Reading decisions: rows with their derived state (pure, domain/state.ts), every answer,
 * the notes for the mission only, filtered to what the reader may read (domain/policy.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { authorize, can, type Actor } from '../../../domain/policy.ts';
import type { Deps } from '../../../services/deps.ts';
import { notFound } from '../../../services/errors.ts';
import { decisionStatus, type AnswerFacts, type DecisionFacts, type DecisionStatus } from '../domain/state.ts';
import { mayReadDecision } from '../domain/policy.ts';
import {
  findDecision,
  listAnswers,
  listDecisionRows,
  listNotes,
  organisationNames,
  subjectOwners,
  type AnswerRow,
  type DecisionRow,
  type NoteRow,
} from '../repositories/consent.ts';
import { iso } from '../log/fields.ts';

export interface DecisionView {
  row: DecisionRow;
  status: DecisionStatus;
  answers: AnswerRow[];
  /** null: not shown to this reader (outside the mission). */
  notes: NoteRow[] | null;
}

export interface DecisionsView {
  decisions: DecisionView[];
  orgNames: ReadonlyMap<string, string>;
}

export const factsOf = (d: DecisionRow): DecisionFacts => ({
  requiredOrgIds: d.required_org_ids,
  quorum: d.quorum,
  addedOrgIds: d.added_org_ids,
  dueAt: iso(d.due_at),
  cancelledAt: d.cancelled_at === null ? null : iso(d.cancelled_at),
});

export const answerFactsOf = (a: AnswerRow): AnswerFacts => ({
  organisationId: a.organisation_id,
  answer: a.answer,
  at: iso(a.answered_at),
  caveats: a.caveats,
});

/** Each decision with its state now, from its answers (grouped once). */
export function withStatus(
  rows: readonly DecisionRow[],
  answers: readonly AnswerRow[],
  now: Date,
): { row: DecisionRow; status: DecisionStatus; answers: AnswerRow[] }[] {
  const byDecision = new Map<string, AnswerRow[]>();
  for (const a of answers) {
    const list = byDecision.get(a.decision_id);
    if (list) list.push(a);
    else byDecision.set(a.decision_id, [a]);
  }
  return rows.map((row) => {
    const own = byDecision.get(row.id) ?? [];
    return { row, answers: own, status: decisionStatus(factsOf(row), own.map(answerFactsOf), now) };
  });
}

/** A reader's filter over decisions (needs whose each subject is, for contributors). */
export async function decisionFilter(db: Kysely<DB>, actor: Actor | null): Promise<(d: DecisionRow) => boolean> {
  if (actor === null || can(actor, 'decision.deliberate')) return () => true;
  const owners = await subjectOwners(db);
  const reader = { organisationId: actor.organisationId, mission: false };
  return (d) =>
    mayReadDecision(reader, {
      requiredOrgIds: d.required_org_ids,
      proposerOrgId: d.proposer_org_id,
      subjectOwnerOrgIds: d.subjects.map((s) => owners.get(s.id)).filter((o): o is string => o !== undefined),
    });
}

async function assemble(deps: Deps, actor: Actor | null, rows: DecisionRow[]): Promise<DecisionsView> {
  const ids = rows.map((r) => r.id);
  const deliberates = actor === null || can(actor, 'decision.deliberate');
  const [answers, notes, orgs] = await Promise.all([
    listAnswers(deps.db, ids),
    deliberates ? listNotes(deps.db, ids) : Promise.resolve([]),
    organisationNames(deps.db),
  ]);
  const now = deps.clock.now();
  return {
    orgNames: new Map(orgs.map((o) => [o.id, o.name])),
    decisions: withStatus(rows, answers, now).map((v) => ({
      ...v,
      notes: deliberates ? notes.filter((n) => n.decision_id === v.row.id) : null,
    })),
  };
}

export async function listDecisions(deps: Deps, actor: Actor | null): Promise<DecisionsView> {
  authorize(actor, 'decision.read');
  const [rows, visible] = await Promise.all([listDecisionRows(deps.db), decisionFilter(deps.db, actor)]);
  return assemble(deps, actor, rows.filter(visible));
}

export async function getDecision(deps: Deps, actor: Actor | null, id: string): Promise<DecisionsView> {
  authorize(actor, 'decision.read');
  const row = await findDecision(deps.db, id);
  if (!row || !(await decisionFilter(deps.db, actor))(row)) throw notFound('decision');
  return assemble(deps, actor, [row]);
}
