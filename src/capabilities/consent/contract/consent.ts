/**
 * @module Decisions and consent (issue 12): consent rules per decision kind, decisions with their
 * subjects and derived state, every party's answers, the mission's deliberation notes, and where
 * each contributor stands with each party.
 */
import { z } from 'zod';
import { Instant, LogIndex, Text, Uuid } from '../../../contract/common.ts';
import {
  ANSWER_KINDS,
  CONSENT_GAP_REASONS,
  DECISION_KINDS,
  DECISION_STATES,
  STANDINGS,
  SUBJECT_KINDS,
} from './enums.ts';
import { Caveat } from './caveats.ts';

export * from './enums.ts';
export { Caveat } from './caveats.ts';

// ---- rules

export const ConsentRule = z.object({
  id: Uuid,
  kind: z.enum(DECISION_KINDS),
  requiredOrgIds: z.array(Uuid),
  /** null: every organisation named must consent; n: at least n of them. */
  quorum: z.number().int().nullable(),
  /** Labelled so in every view: the demo's rules are invented, not any agreement's. */
  illustrative: z.boolean(),
  note: z.string(),
  version: z.number().int(),
});
export type ConsentRule = z.infer<typeof ConsentRule>;

export const KindParams = z.strictObject({ kind: z.enum(DECISION_KINDS) });

export const SetConsentRule = z.strictObject({
  requiredOrgIds: z.array(Uuid).min(1).max(50),
  quorum: z.number().int().min(1).max(50).nullable().default(null),
  illustrative: z.boolean().default(false),
  note: Text(2000).default(''),
  /** The version the caller saw; a stale one is a 409. */
  version: z.number().int().positive().optional(),
});
export type SetConsentRule = z.infer<typeof SetConsentRule>;

export const ConsentRuleWritten = ConsentRule.extend({ logIndex: LogIndex });

// ---- decisions

export const DecisionSubject = z.strictObject({ kind: z.enum(SUBJECT_KINDS), id: Uuid });
export type DecisionSubject = z.infer<typeof DecisionSubject>;

export const ProposeDecision = z.strictObject({
  kind: z.enum(DECISION_KINDS),
  title: Text(300).trim().min(1),
  body: Text(10000).default(''),
  subjects: z.array(DecisionSubject).max(20).default([]),
  /** Organisations asked beyond the kind's rule (all of them when the kind has none). */
  addOrgIds: z.array(Uuid).max(50).default([]),
  /** Answers are due by this instant; unanswered then, the decision lapses. */
  dueAt: Instant,
});
export type ProposeDecision = z.input<typeof ProposeDecision>;

// ---- parties' own keys and signatures

const Base64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64')
    .length(Math.ceil(bytes / 3) * 4);
const Hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `${bytes * 2} hex digits`);

/** A party's Ed25519 public key, with a signature of `keyStatement` (domain/signing.ts) by it. */
export const RegisterPartyKey = z.strictObject({
  /** Base64 of the raw 32-byte Ed25519 public key. */
  publicKey: Base64(32),
  /** Base64 signature of the registration statement by the key itself (proof of possession). */
  proof: Base64(64),
  /** The organisation whose key it is: the caller's own (default). Another's is refused (403). */
  organisationId: Uuid.optional(),
});
export type RegisterPartyKey = z.input<typeof RegisterPartyKey>;

export const PartyKey = z.object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  publicKey: z.string(),
  /** Hex SHA-256 of the raw key: what the party pins in `truce verify --party-key`. */
  fingerprint: z.string(),
  registeredAt: z.string(),
  /** When a later key replaced it; answers signed before stay checkable with it. */
  retiredAt: z.string().nullable(),
  version: z.number().int(),
});
export type PartyKey = z.infer<typeof PartyKey>;
export const PartyKeyWritten = PartyKey.extend({ logIndex: LogIndex });

/** What a party's signing tool sends with an answer (`truce consent sign`). */
export const AnswerSignatureInput = z.strictObject({
  /** Hex, 16 random bytes salting the content digest (so the public digest reveals nothing). */
  salt: Hex(16),
  /** Base64 Ed25519 signature over the answer statement (domain/signing.ts). */
  signature: Base64(64),
  keyFingerprint: Hex(32),
});
export type AnswerSignatureInput = z.infer<typeof AnswerSignatureInput>;

/** An answer's signature as shown: with the digest it covers, so a reader recomputes both. */
export const AnswerSignature = z.object({
  salt: z.string(),
  contentDigest: z.string(),
  signature: z.string(),
  keyFingerprint: z.string(),
});
export type AnswerSignature = z.infer<typeof AnswerSignature>;

export const AnswerDecision = z
  .strictObject({
    answer: z.enum(ANSWER_KINDS),
    conditions: Text(4000).default(''),
    caveats: z.array(Caveat).max(20).default([]),
    reasons: Text(4000).default(''),
    /** The organisation answering: the caller's own (default). Another's is refused (403). */
    organisationId: Uuid.optional(),
    /** Required once the organisation has registered a key: made where the party holds it. */
    signature: AnswerSignatureInput.optional(),
  })
  .refine((a) => a.answer !== 'consent_with_conditions' || a.conditions.trim() !== '' || a.caveats.length > 0, {
    path: ['conditions'],
    message: 'a consent with conditions states them (text or typed caveats)',
  })
  .refine((a) => a.answer === 'consent_with_conditions' || a.caveats.length === 0, {
    path: ['caveats'],
    message: 'only a consent with conditions carries caveats',
  })
  .refine((a) => a.answer !== 'objection' || a.reasons.trim() !== '', {
    path: ['reasons'],
    message: 'an objection gives its reasons',
  });
export type AnswerDecision = z.input<typeof AnswerDecision>;

export const CancelDecision = z.strictObject({ version: z.number().int().positive().optional() });
export const AddDecisionNote = z.strictObject({ body: Text(10000).trim().min(1) });

export const DecisionAnswer = z.object({
  id: Uuid,
  decisionId: Uuid,
  /** The version of the decision the answer was given to. */
  decisionVersion: z.number().int(),
  organisationId: Uuid,
  organisationName: z.string(),
  answer: z.enum(ANSWER_KINDS),
  conditions: z.string(),
  caveats: z.array(Caveat),
  reasons: z.string(),
  /** The party's own signature; null when unsigned (given before it registered a key). */
  signature: AnswerSignature.nullable(),
  answeredAt: z.string(),
  version: z.number().int(),
});
export type DecisionAnswer = z.infer<typeof DecisionAnswer>;

export const DecisionNote = z.object({
  id: Uuid,
  decisionId: Uuid,
  body: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type DecisionNote = z.infer<typeof DecisionNote>;

export const DecisionAbilities = z.object({
  /** The caller's organisation is asked and may answer now. */
  answer: z.boolean(),
  /** The caller's organisation has a consent standing it may withdraw. */
  withdraw: z.boolean(),
  cancel: z.boolean(),
  /** Read and add the mission's internal deliberation notes. */
  deliberate: z.boolean(),
});
export type DecisionAbilities = z.infer<typeof DecisionAbilities>;

export const Decision = z.object({
  id: Uuid,
  kind: z.enum(DECISION_KINDS),
  title: z.string(),
  body: z.string(),
  subjects: z.array(DecisionSubject),
  requiredOrgIds: z.array(Uuid),
  quorum: z.number().int().nullable(),
  dueAt: z.string(),
  proposerOrgId: Uuid.nullable(),
  proposedAt: z.string(),
  cancelledAt: z.string().nullable(),
  version: z.number().int(),
  /** Derived on read: pending, adopted, blocked, lapsed or cancelled. */
  state: z.enum(DECISION_STATES),
  adoptedAt: z.string().nullable(),
  /** Whether the answers standing now meet the rule: false on an adopted decision whose consent was withdrawn. */
  ruleMet: z.boolean(),
  /** Required organisations that have not answered. */
  awaiting: z.array(Uuid),
  /** Every answer, in the order given (parties see each other's answers). */
  answers: z.array(DecisionAnswer),
  /** The mission's deliberation notes; null for anyone outside the mission. */
  notes: z.array(DecisionNote).nullable(),
  abilities: DecisionAbilities,
});
export type Decision = z.infer<typeof Decision>;

export const DecisionsQuery = z.strictObject({
  state: z.enum(DECISION_STATES).optional(),
  /** Only decisions awaiting the caller's organisation's answer. */
  awaitingMine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const DecisionWritten = Decision.extend({ logIndex: LogIndex });
export const AnswerWritten = DecisionAnswer.extend({ logIndex: LogIndex, decision: Decision });
export const NoteWritten = DecisionNote.extend({ logIndex: LogIndex });

// ---- standings and gaps

export const ContributionStandings = z.object({
  contributionId: Uuid,
  standings: z.array(z.object({ organisationId: Uuid, standing: z.enum(STANDINGS) })),
});
export type ContributionStandings = z.infer<typeof ContributionStandings>;

/** Why a deployment lacks consent: carried by an `unconsented` handover finding. */
export const ConsentGap = z.object({
  reason: z.enum(CONSENT_GAP_REASONS),
  decisionKind: z.enum(DECISION_KINDS),
  decisionId: Uuid.nullable(),
  organisationIds: z.array(Uuid),
});
export type ConsentGap = z.infer<typeof ConsentGap>;
