/**
 * @module Parties' own signing keys: registering one (a logged change; the previous key, if any,
 * is retired in the same transaction and stays checkable), listing them (public: whoever pins a
 * key checks answers against it), and checking a signed answer before it is taken.
 */
import { randomUUID } from 'node:crypto';
import { authorize, type Actor } from '../../../domain/policy.ts';
import type { Deps } from '../../../services/deps.ts';
import { conflict, invalid } from '../../../services/errors.ts';
import { updateVersioned, writeWithLog, type Written } from '../../../services/write.ts';
import type { AnswerSignatureInput, RegisterPartyKey } from '../contract/consent.ts';
import { answerContentDigest, answerStatement, keyStatement, type AnswerContent } from '../domain/signing.ts';
import { partyKeyKind } from '../log/kinds.ts';
import { fingerprintOf, verifyPartySignature } from '../log/signatures.ts';
import { organisationNames, type AnswerRow, type DecisionRow } from '../repositories/consent.ts';
import {
  findPartyKeyByFingerprint,
  insertPartyKey,
  listPartyKeyRows,
  lockCurrentPartyKey,
  retirePartyKey,
  type PartyKeyRow,
} from '../repositories/party-keys.ts';
import { CONSENT_TOPIC } from './rules.ts';

export async function partyKeys(
  deps: Deps,
  actor: Actor | null,
): Promise<{ keys: PartyKeyRow[]; orgNames: Map<string, string> }> {
  authorize(actor, 'decision.read');
  const [keys, orgs] = await Promise.all([listPartyKeyRows(deps.db), organisationNames(deps.db)]);
  return { keys, orgNames: new Map(orgs.map((o) => [o.id, o.name])) };
}

export async function registerPartyKey(
  deps: Deps,
  actor: Actor | null,
  input: RegisterPartyKey,
): Promise<Written<PartyKeyRow>> {
  const organisationId = input.organisationId ?? actor?.organisationId;
  if (organisationId === undefined)
    throw invalid([{ path: 'organisationId', message: 'the console registers a key for a named organisation' }]);
  authorize(actor, 'consent.key', { organisationId });
  const fingerprint = fingerprintOf(input.publicKey);
  if (fingerprint === null) throw invalid([{ path: 'publicKey', message: 'not a 32-byte Ed25519 public key' }]);
  if (!verifyPartySignature(input.publicKey, keyStatement(organisationId, input.publicKey), input.proof))
    throw invalid([{ path: 'proof', message: 'not a signature of the registration statement by this key' }]);
  const now = deps.clock.now();
  return writeWithLog(deps, async (tx, record, announce) => {
    const current = await lockCurrentPartyKey(tx, organisationId);
    if (await findPartyKeyByFingerprint(tx, fingerprint)) throw conflict('this key is already registered');
    if (current)
      await updateVersioned(tx, record, announce, {
        kind: partyKeyKind,
        what: 'party key',
        id: current.id,
        seen: undefined,
        lock: () => Promise.resolve(current), // locked above, with the organisation's current key
        next: (k) => ({ ...k, retired_at: now, updated_at: now }),
        save: (t, k) =>
          retirePartyKey(t, k.id, { retired_at: k.retired_at, version: k.version, updated_at: k.updated_at }),
        op: 'update',
        at: now,
        actor,
      });
    const row: PartyKeyRow = {
      id: randomUUID(),
      organisation_id: organisationId,
      public_key: input.publicKey,
      fingerprint,
      registered_by_user_id: actor?.userId ?? null,
      registered_at: now,
      retired_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await insertPartyKey(tx, row);
    await record({
      kind: partyKeyKind.kind,
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      ...partyKeyKind.fields(row),
    });
    announce(CONSENT_TOPIC, row.id);
    return row;
  });
}

/** The signature columns of an answer, or null when unsigned. */
export interface SignatureColumns {
  content_salt: string;
  content_digest: string;
  signature: string;
  key_fingerprint: string;
}

/**
 * Checks an answer against the organisation's current key (`current`, read under the lock of
 * `lockCurrentPartyKey`): with a key, the answer must be signed by it over this decision's id and
 * version, the organisation, the answer and its content; without one, a signature cannot be
 * checked and is refused. Throws a 400 naming `signature`.
 */
export function checkedSignature(
  current: PartyKeyRow | undefined,
  decision: Pick<DecisionRow, 'id' | 'version'>,
  organisationId: string,
  answer: AnswerContent & { answer: Parameters<typeof answerStatement>[0]['answer'] },
  signature: AnswerSignatureInput | undefined,
  /** This organisation's earlier answers to the decision: the sequence signed is theirs + 1. */
  earlier: readonly Pick<AnswerRow, 'signature'>[],
): SignatureColumns | null {
  const refuse = (message: string) => invalid([{ path: 'signature', message }]);
  if (current === undefined) {
    if (signature !== undefined)
      throw refuse('this organisation has registered no key: the signature cannot be checked');
    return null;
  }
  if (signature === undefined)
    throw refuse(`this organisation has registered a key (${current.fingerprint}): its answers must be signed with it`);
  if (signature.keyFingerprint !== current.fingerprint)
    throw refuse(
      `signed with key ${signature.keyFingerprint}, not the organisation's current key ${current.fingerprint}`,
    );
  // A signature taken once is never taken again (a replay), whatever it would verify against.
  if (earlier.some((a) => a.signature === signature.signature))
    throw refuse('this signature was already given with an earlier answer: sign this answer anew');
  const contentDigest = answerContentDigest(answer, signature.salt);
  const statement = answerStatement({
    decisionId: decision.id,
    decisionVersion: decision.version,
    organisationId,
    sequence: earlier.length + 1,
    answer: answer.answer,
    contentDigest,
  });
  if (!verifyPartySignature(current.public_key, statement, signature.signature))
    throw refuse(
      `the signature does not verify for this decision, version, organisation, answer and sequence ${earlier.length + 1}`,
    );
  return {
    content_salt: signature.salt,
    content_digest: contentDigest,
    signature: signature.signature,
    key_fingerprint: current.fingerprint,
  };
}
