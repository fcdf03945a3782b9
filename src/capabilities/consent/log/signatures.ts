/**
 * @module Checking parties' signatures (issue 12): the Ed25519 check the server makes before it
 * takes a signed answer, and what `truce verify --party-key ORG=FINGERPRINT` checks in the log
 * and in what the API shows.
 *
 * The check runs on the log's leaves, so it needs no account and cannot be fooled by the API:
 * for each pinned party, every key the log ever registered for it must be pinned (a key the
 * operator swapped in is named), and every answer of that party logged after its first key must
 * carry a signature, by a pinned key, over the statement rebuilt from the leaf's own public
 * fields and its position among the party's answers to that decision in the log (a stripped
 * signature, another key, a flipped byte, a signature replayed from another decision or version,
 * or an earlier answer re-submitted after a later one, are each named; so is any signature that
 * appears twice, and an answer logged after the key that signed it was retired). Answers the API shows are then checked against the digest
 * their signature covers (content edited behind the log's back).
 */
import { decodeBase64, nodeCrypto, type JsonValue } from '../../../tlog/node.ts';
import type { Leaf } from '../../../log/leaf.ts';
import type { AnswerKind } from '../contract/enums.ts';
import type { DecisionAnswer } from '../contract/consent.ts';
import { answerContentDigest, answerStatement, keyFingerprint } from '../domain/signing.ts';
import { CONSENT_KINDS } from './fields.ts';

/** True if `signatureB64` is the key's Ed25519 signature of `message` (UTF-8); never throws. */
export function verifyPartySignature(publicKeyB64: string, message: string, signatureB64: string): boolean {
  try {
    const key = decodeBase64(publicKeyB64, 'public key');
    const sig = decodeBase64(signatureB64, 'signature');
    if (key.length !== 32 || sig.length !== 64) return false;
    const check = nodeCrypto.importEd25519PublicKey?.(key);
    return check !== undefined && check(new TextEncoder().encode(message), sig);
  } catch {
    return false;
  }
}

/** The fingerprint of a base64 raw public key, or null if it is not 32 bytes of base64. */
export function fingerprintOf(publicKeyB64: string): string | null {
  try {
    const key = decodeBase64(publicKeyB64, 'public key');
    return key.length === 32 ? keyFingerprint(key) : null;
  } catch {
    return null;
  }
}

/** Parses `ORG=FINGERPRINT` options into pins (several per organisation: keys rotate). */
export function parsePins(values: readonly string[]): Map<string, Set<string>> {
  const pins = new Map<string, Set<string>>();
  for (const v of values) {
    const m = /^([0-9a-f-]{36})=([0-9a-f]{64})$/i.exec(v.trim());
    if (!m) throw new Error(`--party-key ${v}: expected <organisation id>=<64 hex digits of the key's fingerprint>`);
    const [org, fp] = [m[1]!.toLowerCase(), m[2]!.toLowerCase()];
    pins.set(org, (pins.get(org) ?? new Set()).add(fp));
  }
  return pins;
}

const str = (v: JsonValue | undefined): string | null => (typeof v === 'string' ? v : null);

/** Problems with the pinned parties' keys and signed answers in the log (empty: all verify). */
export function checkPartySignatures(
  leaves: readonly { leaf: Leaf; index: number }[],
  pins: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const problems: string[] = [];
  for (const [org, pinned] of pins) {
    const keys = leaves.filter((e) => e.leaf.kind === CONSENT_KINDS.partyKey && e.leaf.public.organisationId === org);
    if (keys.length === 0) {
      problems.push(`no key of organisation ${org} is in the log`);
      continue;
    }
    const byFingerprint = new Map<string, string>();
    // Where the log retired each key (a later key replaced it): answers logged after are not its.
    const retiredIn = new Map<string, number>();
    for (const { leaf, index } of keys) {
      const fp = str(leaf.public.fingerprint) ?? '';
      if (str(leaf.public.retiredAt) !== null) retiredIn.set(fp, Math.min(retiredIn.get(fp) ?? index, index));
      const pub = str(leaf.public.publicKey) ?? '';
      if (fingerprintOf(pub) !== fp) problems.push(`key of ${org} in log entry ${index}: fingerprint does not match`);
      else if (!pinned.has(fp))
        problems.push(`key ${fp} registered for ${org} in log entry ${index} is not the key you pinned (swapped?)`);
      else byFingerprint.set(fp, pub);
    }
    const firstKey = Math.min(...keys.map((k) => k.index));
    // Each answer's place among the organisation's answers to its decision, counted over every
    // answer in the log (signed or not, before the key or after): what its signature must name.
    const answered = new Map<string, number>();
    const seen = new Map<string, number>();
    for (const { leaf, index } of [...leaves].sort((a, b) => a.index - b.index)) {
      if (leaf.kind !== CONSENT_KINDS.answer || leaf.public.organisationId !== org) continue;
      const decisionId = str(leaf.public.decisionId) ?? '';
      const sequence = (answered.get(decisionId) ?? 0) + 1;
      answered.set(decisionId, sequence);
      if (index < firstKey) continue;
      const what = `answer ${leaf.id} of ${org} (log entry ${index})`;
      const signature = str(leaf.public.signature);
      const fp = str(leaf.public.keyFingerprint);
      const digest = str(leaf.public.contentDigest);
      if (signature === null || fp === null || digest === null) {
        problems.push(`${what} is unsigned, though ${org} registered a key in log entry ${firstKey} (stripped?)`);
        continue;
      }
      const pub = byFingerprint.get(fp);
      if (pub === undefined) {
        problems.push(`${what} is signed by key ${fp}, not a key you pinned`);
        continue;
      }
      const retired = retiredIn.get(fp);
      if (retired !== undefined && index > retired)
        problems.push(`${what} is signed by key ${fp}, retired in log entry ${retired} before it was logged`);
      const again = seen.get(signature);
      if (again !== undefined)
        problems.push(`${what} carries the signature already given in log entry ${again} (replayed)`);
      else seen.set(signature, index);
      const statement = answerStatement({
        decisionId,
        decisionVersion: typeof leaf.public.decisionVersion === 'number' ? leaf.public.decisionVersion : -1,
        organisationId: org,
        sequence,
        answer: (str(leaf.public.answer) ?? '') as AnswerKind,
        contentDigest: digest,
      });
      if (!verifyPartySignature(pub, statement, signature))
        problems.push(
          `${what}: the signature does not verify as its answer number ${sequence} to the decision (altered, or replayed from another decision, version or earlier answer)`,
        );
    }
  }
  return problems;
}

/** Answers the API shows of pinned parties: their content must be what the signature covers. */
export function checkShownAnswers(answers: readonly DecisionAnswer[], pins: ReadonlyMap<string, unknown>): string[] {
  const problems: string[] = [];
  for (const a of answers) {
    if (!pins.has(a.organisationId) || a.signature === null) continue;
    if (answerContentDigest(a, a.signature.salt) !== a.signature.contentDigest)
      problems.push(
        `answer ${a.id} of ${a.organisationId}: the conditions, caveats or reasons shown are not those it signed`,
      );
  }
  return problems;
}
