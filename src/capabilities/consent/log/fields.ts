/**
 * @module What of each consent record the log publishes, from its database row (writers and
 * `truce audit` share these).
 *
 * Public: the rules (they are the agreement on who must consent), who was asked, by when, who
 * answered what and when, cancellations, parties' public keys and their answers' signatures
 * (over a salted digest of the content): the point of the log here is that no party can
 * later deny an answer or claim one it never gave. Committed, never published: a decision's
 * title, text and subjects (they may describe the force's plan, which stays releasable by level),
 * an answer's conditions, caveats and reasons, and the mission's deliberation notes.
 * Field names and values are those the API shows.
 */
import type { Selectable } from 'kysely';
import type { JsonValue } from '../../../log/change-payload.ts';
import type {
  ConsentRuleTable,
  DecisionAnswerTable,
  DecisionNoteTable,
  DecisionTable,
  MeetingActionTable,
  MeetingTable,
  PartyKeyTable,
} from '../schema.ts';

type Fields = Record<string, JsonValue>;

export const CONSENT_KINDS = {
  rule: 'consent_rule',
  decision: 'decision',
  answer: 'decision_answer',
  note: 'decision_note',
  partyKey: 'party_key',
  meeting: 'meeting',
  meetingAction: 'meeting_action',
} as const;

export const iso = (d: Date | string): string => new Date(d).toISOString();
const json = (v: unknown): JsonValue => v as JsonValue;

export const consentPublicFields = {
  rule: (r: Selectable<ConsentRuleTable>): Fields => ({
    kind: r.kind,
    requiredOrgIds: r.required_org_ids,
    quorum: r.quorum,
    illustrative: r.illustrative,
    note: r.note,
  }),
  decision: (d: Selectable<DecisionTable>): Fields => ({
    kind: d.kind,
    requiredOrgIds: d.required_org_ids,
    quorum: d.quorum,
    // Only when some were added: decisions logged before the field existed keep their leaves.
    ...(d.added_org_ids.length > 0 ? { addedOrgIds: d.added_org_ids } : {}),
    dueAt: iso(d.due_at),
    proposerOrgId: d.proposer_org_id,
    proposedAt: iso(d.proposed_at),
    cancelledAt: d.cancelled_at === null ? null : iso(d.cancelled_at),
  }),
  answer: (a: Selectable<DecisionAnswerTable>): Fields => ({
    decisionId: a.decision_id,
    decisionVersion: a.decision_version,
    organisationId: a.organisation_id,
    answer: a.answer,
    answeredAt: iso(a.answered_at),
    // Public so anyone holding the log checks a party's signature: the digest is salted, so it
    // reveals nothing of the restricted content it covers (domain/signing.ts).
    contentDigest: a.content_digest,
    signature: a.signature,
    keyFingerprint: a.key_fingerprint,
  }),
  /** A party's key is public: whoever pins it checks the party's answers against it. */
  partyKey: (k: Selectable<PartyKeyTable>): Fields => ({
    organisationId: k.organisation_id,
    publicKey: k.public_key,
    fingerprint: k.fingerprint,
    registeredAt: iso(k.registered_at),
    retiredAt: k.retired_at === null ? null : iso(k.retired_at),
  }),
  note: (n: Selectable<DecisionNoteTable>): Fields => ({ decisionId: n.decision_id }),
  /**
   * That a meeting took place, when, who convened and attended, and what it decided is the
   * shared record; its title, place, agenda and minutes are committed (a meeting may be
   * discreet, and its minutes bind only once adopted by consent).
   */
  meeting: (m: Selectable<MeetingTable>): Fields => ({
    heldOn: m.held_on,
    conveningOrgId: m.convening_org_id,
    attendingOrgIds: m.attending_org_ids,
    decisionIds: m.decision_ids,
    illustrative: m.illustrative,
  }),
  /** Who owes what by when, and when it was done, is public; what the item says is committed. */
  meetingAction: (a: Selectable<MeetingActionTable>): Fields => ({
    meetingId: a.meeting_id,
    ownerOrgId: a.owner_org_id,
    dueOn: a.due_on,
    doneAt: a.done_at === null ? null : iso(a.done_at),
    illustrative: a.illustrative,
  }),
};

export const consentRestrictedFields = {
  rule: (): Fields => ({}),
  decision: (d: Selectable<DecisionTable>): Fields => ({ title: d.title, body: d.body, subjects: json(d.subjects) }),
  answer: (a: Selectable<DecisionAnswerTable>): Fields => ({
    conditions: a.conditions,
    caveats: json(a.caveats),
    reasons: a.reasons,
  }),
  note: (n: Selectable<DecisionNoteTable>): Fields => ({ body: n.body }),
  partyKey: (): Fields => ({}),
  meeting: (m: Selectable<MeetingTable>): Fields => ({
    title: m.title,
    place: m.place,
    agenda: m.agenda,
    minutes: m.minutes,
  }),
  meetingAction: (a: Selectable<MeetingActionTable>): Fields => ({ title: a.title }),
};

type Kind = keyof typeof consentPublicFields;

/** Both parts of a change of one of these records, as `record()` takes them. */
export function consentLogFields<K extends Kind>(
  kind: K,
  row: Parameters<(typeof consentPublicFields)[K]>[0],
): { public: Fields; restricted: Fields } {
  const pub = consentPublicFields[kind] as (r: typeof row) => Fields;
  const res = consentRestrictedFields[kind] as (r: typeof row) => Fields;
  return { public: pub(row), restricted: res(row) };
}
