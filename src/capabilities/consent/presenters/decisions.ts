/**
 * @module Consent rows to API shapes, with the caller's abilities on each decision (computed with
 * `can` and the decision's derived state, so pages never test role names). Deliberation notes
 * leave only for the mission (the service passes null to anyone else).
 */
import { can, type Actor } from '../../../domain/policy.ts';
import type {
  ConsentRule,
  PartyKey,
  Decision,
  DecisionAbilities,
  DecisionAnswer,
  DecisionNote,
} from '../contract/consent.ts';
import { answerRefusal, isConsent, mayCancel } from '../domain/state.ts';
import { iso } from '../log/fields.ts';
import type { AnswerRow, NoteRow, RuleRow } from '../repositories/consent.ts';
import type { PartyKeyRow } from '../repositories/party-keys.ts';
import { factsOf, type DecisionView } from '../services/view.ts';

export function presentRule(r: RuleRow): ConsentRule {
  return {
    id: r.id,
    kind: r.kind,
    requiredOrgIds: r.required_org_ids,
    quorum: r.quorum,
    illustrative: r.illustrative,
    note: r.note,
    version: r.version,
  };
}

export function presentAnswer(a: AnswerRow, orgNames: ReadonlyMap<string, string>): DecisionAnswer {
  return {
    id: a.id,
    decisionId: a.decision_id,
    decisionVersion: a.decision_version,
    organisationId: a.organisation_id,
    organisationName: orgNames.get(a.organisation_id) ?? '',
    answer: a.answer,
    conditions: a.conditions,
    caveats: a.caveats,
    reasons: a.reasons,
    signature:
      a.signature === null || a.content_salt === null || a.content_digest === null || a.key_fingerprint === null
        ? null
        : {
            salt: a.content_salt,
            contentDigest: a.content_digest,
            signature: a.signature,
            keyFingerprint: a.key_fingerprint,
          },
    answeredAt: iso(a.answered_at),
    version: a.version,
  };
}

export function presentPartyKey(k: PartyKeyRow, orgNames: ReadonlyMap<string, string>): PartyKey {
  return {
    id: k.id,
    organisationId: k.organisation_id,
    organisationName: orgNames.get(k.organisation_id) ?? '',
    publicKey: k.public_key,
    fingerprint: k.fingerprint,
    registeredAt: iso(k.registered_at),
    retiredAt: k.retired_at === null ? null : iso(k.retired_at),
    version: k.version,
  };
}

export function presentNote(n: NoteRow): DecisionNote {
  return { id: n.id, decisionId: n.decision_id, body: n.body, createdAt: iso(n.created_at), version: n.version };
}

export function decisionAbilities(actor: Actor | null, v: DecisionView, now: Date): DecisionAbilities {
  if (actor === null) return { answer: false, withdraw: false, cancel: false, deliberate: false };
  const own = { organisationId: actor.organisationId };
  const facts = factsOf(v.row);
  const mayAnswer = can(actor, 'decision.answer', own);
  const mine = v.status.latest.get(actor.organisationId) ?? null;
  return {
    answer: mayAnswer && answerRefusal(facts, v.status, actor.organisationId, 'consent', now) === null,
    withdraw:
      mayAnswer &&
      mine !== null &&
      isConsent(mine.answer) &&
      answerRefusal(facts, v.status, actor.organisationId, 'withdrawal', now) === null,
    cancel: can(actor, 'decision.cancel') && mayCancel(v.status),
    deliberate: can(actor, 'decision.deliberate'),
  };
}

export function presentDecision(
  v: DecisionView,
  orgNames: ReadonlyMap<string, string>,
  actor: Actor | null,
  now: Date,
): Decision {
  const d = v.row;
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    body: d.body,
    subjects: d.subjects,
    requiredOrgIds: d.required_org_ids,
    quorum: d.quorum,
    dueAt: iso(d.due_at),
    proposerOrgId: d.proposer_org_id,
    proposedAt: iso(d.proposed_at),
    cancelledAt: d.cancelled_at === null ? null : iso(d.cancelled_at),
    version: d.version,
    state: v.status.state,
    adoptedAt: v.status.adoptedAt,
    ruleMet: v.status.ruleMet,
    awaiting: v.status.awaiting,
    answers: v.answers.map((a) => presentAnswer(a, orgNames)),
    notes: v.notes === null ? null : v.notes.map(presentNote),
    abilities: decisionAbilities(actor, v, now),
  };
}
