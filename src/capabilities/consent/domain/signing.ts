/**
 * @module What a party signs (issue 12, "signed by the party itself"), built the same way by the
 * party's CLI, the server that checks an answer and `truce verify`. Pure: hashing comes from the
 * tlog library's installed adapter (node:crypto in Node), canonical JSON from its one RFC 8785
 * canonicaliser, so whoever checks reproduces the bytes the signer signed.
 *
 * The statement names the decision (id and the version answered), the answering organisation,
 * the answer's kind and a digest of its content (conditions, typed caveats, reasons). The digest
 * is salted with 16 random bytes the signer chooses: the signature and digest are public in the
 * log, while the content is restricted, and an unsalted digest of a short condition ("", "Not in
 * Rafah") would let anyone holding the log confirm a guess of it.
 *
 * v2 adds the answer's `sequence`: its position among this organisation's answers to this
 * decision (1 for the first, 2 for the next...). An organisation may answer again and its latest
 * answer counts, so without it an operator could re-submit a party's earlier signed consent after
 * its later objection and the signature would still verify. With it, each signature is good for
 * one place in the history only: the server refuses a sequence other than the next, and verify
 * checks each signed answer's sequence against its position in the log. v1 statements (no
 * sequence) are not accepted anywhere: they are replayable, and no deployment or demo made any
 * that must stay checkable (the demo signs nothing).
 */
import { canonicalJson, sha256, type JsonValue } from '../../../tlog/index.ts';
import type { AnswerKind } from '../contract/enums.ts';
import type { Caveat } from '../contract/caveats.ts';

export const ANSWER_STATEMENT_TYPE = 'truce/consent-answer/v2';
export const KEY_STATEMENT_TYPE = 'truce/party-key/v1';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
export const toHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export interface AnswerContent {
  conditions: string;
  caveats: readonly Caveat[];
  reasons: string;
}

/** Hex SHA-256 of the canonical JSON of the content and the signer's salt (hex). */
export function answerContentDigest(content: AnswerContent, saltHex: string): string {
  const value = {
    conditions: content.conditions,
    caveats: content.caveats as unknown as JsonValue,
    reasons: content.reasons,
    salt: saltHex,
  };
  return toHex(sha256(utf8(canonicalJson(value))));
}

export interface AnswerStatement {
  decisionId: string;
  decisionVersion: number;
  organisationId: string;
  /** 1 + how many answers this organisation gave this decision before (any version, signed or not). */
  sequence: number;
  answer: AnswerKind;
  contentDigest: string;
}

/** The exact text an answer's signature covers (canonical JSON, signed as UTF-8). */
export function answerStatement(s: AnswerStatement): string {
  return canonicalJson({
    type: ANSWER_STATEMENT_TYPE,
    decisionId: s.decisionId,
    decisionVersion: s.decisionVersion,
    organisationId: s.organisationId,
    sequence: s.sequence,
    answer: s.answer,
    contentDigest: s.contentDigest,
  });
}

/**
 * The text a key's registration is signed with (proof that the registrant holds the private key,
 * bound to the organisation, so a key cannot be registered for another party or copied from one).
 */
export function keyStatement(organisationId: string, publicKeyBase64: string): string {
  return canonicalJson({ type: KEY_STATEMENT_TYPE, organisationId, publicKey: publicKeyBase64 });
}

/** Hex SHA-256 of the raw 32-byte public key: what a party pins. */
export function keyFingerprint(rawPublicKey: Uint8Array): string {
  return toHex(sha256(rawPublicKey));
}
