/**
 * @module Record kinds of decisions and consent, each defined once (./fields.ts says what is
 * public and what is committed), with how `truce audit` reads them.
 */
import type { Selectable } from 'kysely';
import { allRows } from '../../../repositories/audit.ts';
import { defineRecordKind } from '../../../log/kinds/kind.ts';
import type {
  ConsentRuleTable,
  DecisionAnswerTable,
  DecisionNoteTable,
  DecisionTable,
  MeetingActionTable,
  MeetingTable,
  PartyKeyTable,
} from '../schema.ts';
import { CONSENT_KINDS, consentPublicFields, consentRestrictedFields } from './fields.ts';

export const consentRuleKind = defineRecordKind({
  kind: CONSENT_KINDS.rule,
  public: (r: Selectable<ConsentRuleTable>) => consentPublicFields.rule(r),
  restricted: () => consentRestrictedFields.rule(),
  audit: { rows: (db) => allRows(db, 'consent_rules') },
});

export const decisionKind = defineRecordKind({
  kind: CONSENT_KINDS.decision,
  public: (d: Selectable<DecisionTable>) => consentPublicFields.decision(d),
  restricted: (d) => consentRestrictedFields.decision(d),
  audit: { rows: (db) => allRows(db, 'decisions') },
});

export const decisionAnswerKind = defineRecordKind({
  kind: CONSENT_KINDS.answer,
  public: (a: Selectable<DecisionAnswerTable>) => consentPublicFields.answer(a),
  restricted: (a) => consentRestrictedFields.answer(a),
  audit: { rows: (db) => allRows(db, 'decision_answers') },
});

export const decisionNoteKind = defineRecordKind({
  kind: CONSENT_KINDS.note,
  public: (n: Selectable<DecisionNoteTable>) => consentPublicFields.note(n),
  restricted: (n) => consentRestrictedFields.note(n),
  audit: { rows: (db) => allRows(db, 'decision_notes') },
});

export const partyKeyKind = defineRecordKind({
  kind: CONSENT_KINDS.partyKey,
  public: (k: Selectable<PartyKeyTable>) => consentPublicFields.partyKey(k),
  restricted: () => consentRestrictedFields.partyKey(),
  audit: { rows: (db) => allRows(db, 'party_keys') },
});

export const meetingKind = defineRecordKind({
  kind: CONSENT_KINDS.meeting,
  public: (m: Selectable<MeetingTable>) => consentPublicFields.meeting(m),
  restricted: (m) => consentRestrictedFields.meeting(m),
  audit: { rows: (db) => allRows(db, 'meetings') },
});

export const meetingActionKind = defineRecordKind({
  kind: CONSENT_KINDS.meetingAction,
  public: (a: Selectable<MeetingActionTable>) => consentPublicFields.meetingAction(a),
  restricted: (a) => consentRestrictedFields.meetingAction(a),
  audit: { rows: (db) => allRows(db, 'meeting_actions') },
});

export const consentKinds = [
  consentRuleKind,
  decisionKind,
  decisionAnswerKind,
  partyKeyKind,
  meetingKind,
  meetingActionKind,
  decisionNoteKind,
] as const;
