/**
 * @module Proposing, answering and cancelling decisions, and the mission's deliberation notes.
 * Each is one logged change (services/write.ts). An answer is taken with its decision locked,
 * so two answers to one decision are judged one after the other against the state each sees.
 */
import { randomUUID } from 'node:crypto';
import { authorize, type Actor } from '../../../domain/policy.ts';
import { existingOrganisationIds } from '../../../repositories/organisations.ts';
import { listSectorNames } from '../../../repositories/sectors.ts';
import type { Deps } from '../../../services/deps.ts';
import { conflict, forbidden, invalid, notFound, type FieldError } from '../../../services/errors.ts';
import { updateVersioned, writeWithLog, type AnnounceFn, type Written } from '../../../services/write.ts';
import type { AnswerDecision, ProposeDecision } from '../contract/consent.ts';
import { AnswerDecision as AnswerSchema, ProposeDecision as ProposeSchema } from '../contract/consent.ts';
import { decisionRule, subjectProblems } from '../domain/rules.ts';
import { answerRefusal, decisionStatus, mayCancel } from '../domain/state.ts';
import { decisionAnswerKind, decisionKind, decisionNoteKind } from '../log/kinds.ts';
import {
  existingSubjects,
  findDecisionForUpdate,
  insertAnswer,
  insertDecision,
  insertNote,
  listAnswers,
  listRules,
  setDecisionCancelled,
  type AnswerRow,
  type DecisionRow,
  type NoteRow,
} from '../repositories/consent.ts';
import { CONSENT_TOPIC } from './rules.ts';
import { checkedSignature, type SignatureColumns } from './party-keys.ts';
import { lockCurrentPartyKey } from '../repositories/party-keys.ts';
import { answerFactsOf, factsOf } from './view.ts';
import { SUBJECT_KINDS } from '../contract/enums.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Announces a consent change (after commit); it changes the handover check too (`unconsented`). */
function announceConsent(announce: AnnounceFn, decisionId: string): void {
  announce(CONSENT_TOPIC, decisionId);
  announce('handover', decisionId);
}

/** The row of a new decision (also used by the demo loader). */
export async function decisionRow(
  db: Kysely<DB>,
  actor: Actor | null,
  raw: ProposeDecision,
  now: Date,
): Promise<DecisionRow> {
  const input = ProposeSchema.parse(raw);
  const errors: FieldError[] = [...subjectProblems(input.kind, input.subjects)];
  for (const kind of SUBJECT_KINDS) {
    const mine = input.subjects.map((s, i) => ({ ...s, i })).filter((s) => s.kind === kind);
    const found = await existingSubjects(
      db,
      kind,
      mine.map((s) => s.id),
    );
    for (const s of mine) if (!found.has(s.id)) errors.push({ path: `subjects.${s.i}.id`, message: `no such ${kind}` });
  }
  const known = await existingOrganisationIds(db, input.addOrgIds);
  input.addOrgIds.forEach((id, i) => {
    if (!known.has(id)) errors.push({ path: `addOrgIds.${i}`, message: 'no such organisation' });
  });
  const rule = (await listRules(db)).find((r) => r.kind === input.kind);
  const asked = decisionRule(
    rule ? { requiredOrgIds: rule.required_org_ids, quorum: rule.quorum } : undefined,
    input.addOrgIds,
  );
  if (asked.requiredOrgIds.length === 0)
    errors.push({ path: 'addOrgIds', message: `${input.kind} decisions have no consent rule: name whom to ask` });
  if (Date.parse(input.dueAt) <= now.getTime()) errors.push({ path: 'dueAt', message: 'must be in the future' });
  if (errors.length > 0) throw invalid(errors);
  return {
    id: randomUUID(),
    kind: input.kind,
    title: input.title,
    body: input.body,
    subjects: input.subjects,
    required_org_ids: [...asked.requiredOrgIds],
    quorum: asked.quorum,
    added_org_ids: [...asked.addedOrgIds],
    due_at: new Date(input.dueAt),
    proposer_user_id: actor?.userId ?? null,
    proposer_org_id: actor?.organisationId ?? null,
    proposed_at: now,
    cancelled_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

export async function proposeDecision(
  deps: Deps,
  actor: Actor | null,
  input: ProposeDecision,
): Promise<Written<DecisionRow>> {
  authorize(actor, 'decision.propose');
  const now = deps.clock.now();
  const row = await decisionRow(deps.db, actor, input, now);
  return writeWithLog(deps, async (tx, record, announce) => {
    await insertDecision(tx, row);
    await record({
      kind: decisionKind.kind,
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      ...decisionKind.fields(row),
    });
    announceConsent(announce, row.id);
    return row;
  });
}

/** The row of an answer (also used by the demo loader); refusals as the service gives them. */
export function answerRow(
  decision: DecisionRow,
  previous: readonly AnswerRow[],
  organisationId: string,
  userId: string | null,
  raw: AnswerDecision,
  now: Date,
  signed: SignatureColumns | null = null,
): AnswerRow {
  const input = AnswerSchema.parse(raw);
  const facts = factsOf(decision);
  const status = decisionStatus(facts, previous.map(answerFactsOf), now);
  const refusal = answerRefusal(facts, status, organisationId, input.answer, now);
  if (refusal !== null) {
    if (!decision.required_org_ids.includes(organisationId)) throw forbidden(refusal);
    throw conflict(refusal);
  }
  return {
    id: randomUUID(),
    decision_id: decision.id,
    decision_version: decision.version,
    organisation_id: organisationId,
    user_id: userId,
    answer: input.answer,
    conditions: input.conditions,
    caveats: input.caveats,
    reasons: input.reasons,
    content_salt: signed?.content_salt ?? null,
    content_digest: signed?.content_digest ?? null,
    signature: signed?.signature ?? null,
    key_fingerprint: signed?.key_fingerprint ?? null,
    answered_at: now,
    version: 1,
    created_at: now,
  };
}

export async function answerDecision(
  deps: Deps,
  actor: Actor | null,
  decisionId: string,
  input: AnswerDecision,
): Promise<Written<AnswerRow>> {
  const organisationId = input.organisationId ?? actor?.organisationId;
  if (organisationId === undefined)
    throw invalid([{ path: 'organisationId', message: 'the console answers on behalf of a named organisation' }]);
  // An account answers for its own organisation only (an `own` grant): another's is a 403.
  authorize(actor, 'decision.answer', { organisationId });
  const now = deps.clock.now();
  return writeWithLog(deps, async (tx, record, announce) => {
    // Decision ids are public in the log: an organisation not asked learns nothing from a 403.
    const decision = await findDecisionForUpdate(tx, decisionId);
    if (!decision) throw notFound('decision');
    const previous = await listAnswers(tx, [decision.id]);
    // Refusals of the answer itself (not asked, closed) first, then its signature.
    answerRow(decision, previous, organisationId, null, input, now);
    const parsed = AnswerSchema.parse(input);
    // A caveat acts on a sector (a deployment there is a finding): one that names none is refused.
    if (parsed.caveats.length > 0) {
      const sectors = new Set((await listSectorNames(tx)).map((s) => s.id));
      const unknown: FieldError[] = parsed.caveats.flatMap((c, i) =>
        sectors.has(c.sectorId) ? [] : [{ path: `caveats.${i}.sectorId`, message: 'no such sector' }],
      );
      if (unknown.length > 0) throw invalid(unknown);
    }
    const key = await lockCurrentPartyKey(tx, organisationId);
    // Its sequence: this organisation's earlier answers + 1 (the decision is locked, so it holds).
    const earlier = previous.filter((a) => a.organisation_id === organisationId);
    const signed = checkedSignature(key, decision, organisationId, parsed, parsed.signature, earlier);
    const row = answerRow(decision, previous, organisationId, actor?.userId ?? null, input, now, signed);
    await insertAnswer(tx, row);
    await record({
      kind: decisionAnswerKind.kind,
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      ...decisionAnswerKind.fields(row),
    });
    announceConsent(announce, decisionId);
    return row;
  });
}

export async function cancelDecision(
  deps: Deps,
  actor: Actor | null,
  decisionId: string,
  version: number | undefined,
): Promise<Written<DecisionRow>> {
  authorize(actor, 'decision.cancel');
  const now = deps.clock.now();
  return writeWithLog(deps, async (tx, record, announce) => {
    const { next } = await updateVersioned(tx, record, announce, {
      kind: decisionKind,
      what: 'decision',
      id: decisionId,
      seen: version,
      staleMessage: (current, seen) => `the decision is at version ${current}, not ${seen}: reload and try again`,
      lock: findDecisionForUpdate,
      next: async (decision) => {
        const answers = await listAnswers(tx, [decision.id]);
        const status = decisionStatus(factsOf(decision), answers.map(answerFactsOf), now);
        if (!mayCancel(status)) throw conflict(`a decision that is ${status.state} cannot be cancelled`);
        return { ...decision, cancelled_at: now, updated_at: now };
      },
      save: (tx, row) =>
        setDecisionCancelled(tx, row.id, {
          cancelled_at: row.cancelled_at,
          version: row.version,
          updated_at: row.updated_at,
        }),
      op: 'update',
      at: now,
      actor,
    });
    announceConsent(announce, decisionId);
    return next;
  });
}

export async function addDecisionNote(
  deps: Deps,
  actor: Actor | null,
  decisionId: string,
  body: string,
): Promise<Written<NoteRow>> {
  authorize(actor, 'decision.deliberate');
  const now = deps.clock.now();
  return writeWithLog(deps, async (tx, record, announce) => {
    const decision = await findDecisionForUpdate(tx, decisionId);
    if (!decision) throw notFound('decision');
    const row: NoteRow = {
      id: randomUUID(),
      decision_id: decision.id,
      author_user_id: actor?.userId ?? null,
      body,
      version: 1,
      created_at: now,
    };
    await insertNote(tx, row);
    await record({
      kind: decisionNoteKind.kind,
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      ...decisionNoteKind.fields(row),
    });
    // Notes do not change the check: only the decisions' pages need to know.
    announce(CONSENT_TOPIC, decisionId);
    return row;
  });
}
