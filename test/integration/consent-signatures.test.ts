/**
 * Issue 12, "Done when" (signatures): a party signs its own answers with `truce consent sign`
 * where it holds its key, and `truce verify --party-key ORG=FINGERPRINT` checks them. A valid
 * signed answer verifies; a key swapped by the operator, a signature replayed from another
 * decision or version, a flipped byte and a stripped signature are each caught. The server
 * refuses unsigned and badly signed answers of a party with a key, and a key registered by the
 * mission's admin for a party. "The operator" here writes through the capability's own
 * repositories and the log, as modified server code would: the log is all a party trusts.
 * One party per case, so each verify run pins only the party whose case it checks.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { defaultAuthSettings } from '../../src/services/auth-settings.ts';
import { localEvents } from '../../src/events/local.ts';
import { openTestDatabase, silentLogger, type TestDatabase } from '../support/db.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { runCli } from '../support/cli.ts';
import { makeSignedIn, makeToken, makeUser, type MadeUser } from '../support/factories.ts';
import { Sequencer } from '../../src/log/sequencer.ts';
import { loadOrCreateLogKey, type LogKey } from '../../src/log/keys.ts';
import { systemClock } from '../../src/adapters/clock.ts';
import { mountLog } from '../../src/api/log-routes.ts';
import type { Deps } from '../../src/services/deps.ts';
import { writeWithLog } from '../../src/services/write.ts';
import type { ServiceError } from '../../src/services/errors.ts';
import { ApiError, type ApiClient } from '../../src/contract/client.ts';
import { encodeBase64, generateSignerKey, parseSignerKey, type Ed25519Signer } from '../../src/tlog/node.ts';
import {
  answerContentDigest,
  answerStatement,
  keyFingerprint,
  keyStatement,
} from '../../src/capabilities/consent/domain/signing.ts';
import { CONSENT_KINDS, consentLogFields } from '../../src/capabilities/consent/log/fields.ts';
import { findDecision, insertAnswer, type AnswerRow } from '../../src/capabilities/consent/repositories/consent.ts';
import { answerDecision } from '../../src/capabilities/consent/services/decisions.ts';
import { registerPartyKey } from '../../src/capabilities/consent/services/party-keys.ts';
import type { AnswerDecision } from '../../src/capabilities/consent/contract/consent.ts';

let tdb: TestDatabase;
let deps: Deps;
let key: LogKey;
let server: TestServer;
let tmp: string;
let coordinator: ApiClient;

before(async () => {
  tdb = await openTestDatabase();
  key = await loadOrCreateLogKey(tdb.database.db, 'truce.test/log', new Date());
  const sequencer = new Sequencer(tdb.database.db, key, 'truce.test/log', systemClock, silentLogger);
  await sequencer.init();
  deps = {
    db: tdb.database.db,
    engine: tdb.database.engine,
    clock: systemClock,
    log: sequencer,
    logger: silentLogger,
    events: localEvents(silentLogger),
    auth: defaultAuthSettings(),
  };
  server = await startTestServer(deps, (a) => mountLog(a, tdb.database.db, key.verifierKey));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'truce-consent-sign-'));
  coordinator = (await makeSignedIn(deps, server.url, 'coordinator')).client;
});
after(async () => {
  await server.close();
  await deps.events.close();
  await tdb.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Party {
  user: MadeUser;
  org: string;
  token: string;
  client: ApiClient;
  key: Ed25519Signer;
  fingerprint: string;
}

/** A party (an observer in its own organisation) with an API token and a registered key. */
async function party(): Promise<Party> {
  const user = await makeUser(deps, 'observer');
  const { token, client } = await makeToken(deps, user, server.url);
  const signer = parseSignerKey(generateSignerKey('party').skey);
  const org = user.row.organisation_id;
  const publicKey = encodeBase64(signer.publicKey);
  await client.call('registerPartyKey', {
    body: { publicKey, proof: encodeBase64(signer.sign(keyStatement(org, publicKey))) },
  });
  return { user, org, token, client, key: signer, fingerprint: keyFingerprint(signer.publicKey) };
}

async function decision(orgs: string[]): Promise<string> {
  const dueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  return (
    await coordinator.call('proposeDecision', {
      body: { kind: 'other', title: 'A question for the parties', addOrgIds: orgs, dueAt },
    })
  ).id;
}

/**
 * An answer's body signed by `p` for this decision and version, as the organisation's answer
 * number `sequence` to it (what `truce consent sign` sends).
 */
function signed(
  p: Party,
  decisionId: string,
  version: number,
  a: AnswerDecision & { conditions?: string },
  sequence = 1,
) {
  const content = { conditions: a.conditions ?? '', caveats: [], reasons: a.reasons ?? '' };
  const salt = randomBytes(16).toString('hex');
  const statement = answerStatement({
    decisionId,
    decisionVersion: version,
    organisationId: p.org,
    sequence,
    answer: a.answer,
    contentDigest: answerContentDigest(content, salt),
  });
  return {
    ...a,
    ...content,
    signature: { salt, signature: encodeBase64(p.key.sign(statement)), keyFingerprint: p.fingerprint },
  };
}

/** What modified server code could write: an answer row and its logged change, unchecked. */
async function forge(row: Omit<AnswerRow, 'id' | 'version' | 'created_at' | 'answered_at' | 'user_id'>) {
  const now = new Date();
  const full: AnswerRow = { ...row, id: randomUUID(), version: 1, user_id: null, answered_at: now, created_at: now };
  await writeWithLog(deps, async (tx, record) => {
    await insertAnswer(tx, full);
    await record({
      kind: CONSENT_KINDS.answer,
      id: full.id,
      version: 1,
      op: 'create',
      at: now,
      actor: null,
      ...consentLogFields('answer', full),
    });
  });
  return full.id;
}

async function storedAnswer(id: string): Promise<AnswerRow> {
  return deps.db.selectFrom('decision_answers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

const verify = (pins: string[], token?: string) =>
  runCli(
    ['verify', '--url', server.url, '--vkey', key.verifierKey, ...pins.flatMap((p) => ['--party-key', p])],
    token ? { TRUCE_TOKEN: token } : {},
  );
const rejects = (p: Promise<unknown>, status: number, field?: string) =>
  assert.rejects(p, (e: ApiError) => {
    assert.equal(e.status, status, e.message);
    if (field) assert.match(JSON.stringify(e.problem), new RegExp(field));
    return true;
  });

test('a party keygens, registers and signs with the CLI; the answer verifies under its pinned key', async () => {
  const user = await makeUser(deps, 'observer');
  const { token } = await makeToken(deps, user, server.url);
  const org = user.row.organisation_id;
  const keyFile = path.join(tmp, 'party.key');
  const gen = await runCli(['consent', 'keygen', '--out', keyFile], {});
  assert.equal(gen.code, 0, gen.stderr);
  const fingerprint = /fingerprint: ([0-9a-f]{64})/.exec(gen.stdout)?.[1];
  assert.ok(fingerprint, gen.stdout);
  assert.equal((await runCli(['consent', 'keygen', '--out', keyFile], {})).code, 1, 'a key file is never overwritten');
  const reg = await runCli(['consent', 'register-key', '--key', keyFile, '--url', server.url], { TRUCE_TOKEN: token });
  assert.equal(reg.code, 0, reg.stderr);
  assert.match(reg.stdout, new RegExp(`--party-key ${org}=${fingerprint}`));

  const id = await decision([org]);
  const sign = await runCli(
    ['consent', 'sign', '--key', keyFile, '--url', server.url, '--decision', id, '--answer', 'consent_with_conditions'],
    { TRUCE_TOKEN: token },
  );
  assert.notEqual(sign.code, 0, 'a consent with conditions states them');
  const ok = await runCli(
    [
      'consent',
      'sign',
      '--key',
      keyFile,
      '--url',
      server.url,
      '--decision',
      id,
      '--answer',
      'consent_with_conditions',
      '--conditions',
      'Engineers only, no crowd control.',
    ],
    { TRUCE_TOKEN: token },
  );
  assert.equal(ok.code, 0, ok.stderr);
  const shown = (await coordinator.call('getDecision', { params: { id } })).answers;
  assert.equal(shown.length, 1);
  assert.equal(shown[0]!.signature?.keyFingerprint, fingerprint, 'every reader sees the signature');
  assert.equal(shown[0]!.conditions, 'Engineers only, no crowd control.');

  const v = await verify([`${org}=${fingerprint}`], token);
  assert.equal(v.code, 0, v.stderr);
  assert.match(v.stdout, /1 signed answers of 1 pinned parties verify/);
  assert.match(v.stdout, /carry the content their parties signed/);
});

test('the server refuses an unsigned or badly signed answer of a party with a key, and a key registered for it by the mission', async () => {
  const p = await party();
  const id = await decision([p.org]);
  await rejects(p.client.call('answerDecision', { params: { id }, body: { answer: 'consent' } }), 400, 'signature');
  const other = await decision([p.org]);
  // A signature made for another decision, or for another answer, does not pass.
  await rejects(
    p.client.call('answerDecision', { params: { id }, body: signed(p, other, 1, { answer: 'consent' }) }),
    400,
    'signature',
  );
  const forObjection = signed(p, id, 1, { answer: 'objection', reasons: 'Not now.' });
  await rejects(
    p.client.call('answerDecision', { params: { id }, body: { ...forObjection, answer: 'abstention', reasons: '' } }),
    400,
    'signature',
  );
  await p.client.call('answerDecision', { params: { id }, body: forObjection });

  const admin = await makeSignedIn(deps, server.url, 'admin');
  const other2 = parseSignerKey(generateSignerKey('x').skey);
  const pub = encodeBase64(other2.publicKey);
  await rejects(
    admin.client.call('registerPartyKey', {
      body: { publicKey: pub, proof: encodeBase64(other2.sign(keyStatement(p.org, pub))), organisationId: p.org },
    }),
    403,
  );
  // A proof made for another organisation does not register the key for this one.
  await rejects(
    p.client.call('registerPartyKey', {
      body: { publicKey: pub, proof: encodeBase64(other2.sign(keyStatement(admin.user.row.organisation_id, pub))) },
    }),
    400,
    'proof',
  );
});

test("a key swapped by the operator is caught by the party's pin", async () => {
  const p = await party();
  const id = await decision([p.org]);
  // The operator, at the console, installs a key it holds and answers for the party with it.
  const op = parseSignerKey(generateSignerKey('operator').skey);
  const pub = encodeBase64(op.publicKey);
  await registerPartyKey(deps, null, {
    organisationId: p.org,
    publicKey: pub,
    proof: encodeBase64(op.sign(keyStatement(p.org, pub))),
  });
  const opParty = { ...p, key: op, fingerprint: keyFingerprint(op.publicKey) };
  await answerDecision(deps, null, id, { ...signed(opParty, id, 1, { answer: 'consent' }), organisationId: p.org });
  assert.equal((await verify([])).code, 0, 'without a pin, the log is consistent: the swap is logged');
  const v = await verify([`${p.org}=${p.fingerprint}`]);
  assert.equal(v.code, 1, v.stdout);
  assert.match(v.stderr, /is not the key you pinned \(swapped\?\)/);
  assert.match(v.stderr, new RegExp(`is signed by key ${opParty.fingerprint}, not a key you pinned`));
});

test('a signature replayed from another decision or another version is caught', async () => {
  const p = await party();
  const [a, b] = [await decision([p.org]), await decision([p.org])];
  const given = await p.client.call('answerDecision', {
    params: { id: a },
    body: signed(p, a, 1, { answer: 'objection', reasons: 'No.' }),
  });
  assert.equal((await verify([`${p.org}=${p.fingerprint}`])).code, 0, 'the genuine answer verifies');
  const original = await storedAnswer(given.id);
  const { id: _id, version: _v, created_at: _c, answered_at: _at, user_id: _u, ...copy } = original;
  const toOther = await forge({ ...copy, decision_id: b });
  const toVersion = await forge({ ...copy, decision_version: 2 });
  const v = await verify([`${p.org}=${p.fingerprint}`]);
  assert.equal(v.code, 1, v.stdout);
  for (const forged of [toOther, toVersion])
    assert.match(
      v.stderr,
      new RegExp(`answer ${forged} of ${p.org} \\(log entry \\d+\\): the signature does not verify`),
    );
  assert.doesNotMatch(v.stderr, new RegExp(`answer ${given.id}`), 'the genuine answer still verifies');
});

test("a party's earlier signed consent re-submitted after its objection is refused, and caught in the log", async () => {
  const p = await party();
  const other = await makeSignedIn(deps, server.url, 'observer');
  const id = await decision([p.org, other.user.row.organisation_id]);
  const consent = signed(p, id, 1, { answer: 'consent' });
  await p.client.call('answerDecision', { params: { id }, body: consent });
  // The next answer must be signed as the second: a signature made as the first is refused.
  await rejects(
    p.client.call('answerDecision', {
      params: { id },
      body: signed(p, id, 1, { answer: 'objection', reasons: 'No.' }),
    }),
    400,
    'signature',
  );
  await p.client.call('answerDecision', {
    params: { id },
    body: signed(p, id, 1, { answer: 'objection', reasons: 'No.' }, 2),
  });
  // The operator, at the console, re-submits the party's first consent: refused.
  await assert.rejects(answerDecision(deps, null, id, { ...consent, organisationId: p.org }), (e: ServiceError) => {
    assert.equal(e.status, 400);
    assert.match(e.message, /signature: this signature was already given/);
    return true;
  });
  await other.client.call('answerDecision', { params: { id }, body: { answer: 'consent' } });
  assert.equal((await coordinator.call('getDecision', { params: { id } })).state, 'blocked');
  const pin = `${p.org}=${p.fingerprint}`;
  assert.equal((await verify([pin], p.token)).code, 0, 'the genuine answers verify');

  // Modified server code writes the replay anyway: verify names it.
  const first = (await coordinator.call('getDecision', { params: { id } })).answers[0]!;
  const { id: _id, version: _v, created_at: _c, answered_at: _at, user_id: _u, ...copy } = await storedAnswer(first.id);
  const replay = await forge(copy);
  const v = await verify([pin], p.token);
  assert.equal(v.code, 1, v.stdout);
  assert.match(
    v.stderr,
    new RegExp(`answer ${replay} of ${p.org} \\(log entry \\d+\\) carries the signature already given`),
  );
  assert.match(
    v.stderr,
    new RegExp(
      `answer ${replay} of ${p.org} \\(log entry \\d+\\): the signature does not verify as its answer number 3`,
    ),
  );
});

test('a flipped byte is caught: in the content shown, and in a logged signature', async () => {
  const p = await party();
  const id = await decision([p.org]);
  const given = await p.client.call('answerDecision', {
    params: { id },
    body: signed(p, id, 1, { answer: 'consent_with_conditions', conditions: 'Not in Rafah.' }),
  });
  const pin = `${p.org}=${p.fingerprint}`;
  assert.equal((await verify([pin], p.token)).code, 0);
  // The content as stored (restricted: only its commitment is in the log) edited by one byte.
  await sql`update decision_answers set conditions = 'Not in Rafaj.' where id = ${given.id}`.execute(deps.db);
  const shown = await verify([pin], p.token);
  assert.equal(shown.code, 1, shown.stdout);
  assert.match(shown.stderr, /the conditions, caveats or reasons shown are not those it signed/);
  await sql`update decision_answers set conditions = 'Not in Rafah.' where id = ${given.id}`.execute(deps.db);
  assert.equal((await verify([pin], p.token)).code, 0);

  // A logged answer whose signature differs from the party's by one bit.
  const { id: _id, version: _v, created_at: _c, answered_at: _at, user_id: _u, ...copy } = await storedAnswer(given.id);
  const sig = Buffer.from(copy.signature!, 'base64');
  sig[10]! ^= 0x01;
  const flipped = await forge({ ...copy, signature: sig.toString('base64') });
  const v = await verify([pin]);
  assert.equal(v.code, 1, v.stdout);
  assert.match(v.stderr, new RegExp(`answer ${flipped} .*the signature does not verify`));
});

test('a signature stripped from an answer of a party with a key is caught', async () => {
  const p = await party();
  const id = await decision([p.org]);
  const decisionRow = (await findDecision(deps.db, id))!;
  const stripped = await forge({
    decision_id: id,
    decision_version: decisionRow.version,
    organisation_id: p.org,
    answer: 'consent',
    conditions: '',
    caveats: [],
    reasons: '',
    content_salt: null,
    content_digest: null,
    signature: null,
    key_fingerprint: null,
  });
  const v = await verify([`${p.org}=${p.fingerprint}`]);
  assert.equal(v.code, 1, v.stdout);
  assert.match(v.stderr, new RegExp(`answer ${stripped} of ${p.org} .* is unsigned, though .* registered a key`));
});

test('an answer logged after the key that signed it was retired is caught', async () => {
  const p = await party();
  const id = await decision([p.org]);
  const first = await p.client.call('answerDecision', {
    params: { id },
    body: signed(p, id, 1, { answer: 'objection', reasons: 'Not yet.' }),
  });
  // Signed with the first key as the next answer, but never sent; the party then rotates its key.
  const held = signed(p, id, 1, { answer: 'consent' }, 2);
  const next = parseSignerKey(generateSignerKey('party-next').skey);
  const publicKey = encodeBase64(next.publicKey);
  await p.client.call('registerPartyKey', {
    body: { publicKey, proof: encodeBase64(next.sign(keyStatement(p.org, publicKey))) },
  });
  const pins = [`${p.org}=${p.fingerprint}`, `${p.org}=${keyFingerprint(next.publicKey)}`];
  assert.equal((await verify(pins)).code, 0, 'the answer signed before the rotation verifies');

  // Whoever holds the retired key (or the held signature) has it logged after the rotation.
  const { id: _id, version: _v, created_at: _c, answered_at: _at, user_id: _u, ...copy } = await storedAnswer(first.id);
  const late = await forge({
    ...copy,
    answer: 'consent',
    reasons: '',
    content_salt: held.signature.salt,
    content_digest: answerContentDigest({ conditions: '', caveats: [], reasons: '' }, held.signature.salt),
    signature: held.signature.signature,
  });
  const v = await verify(pins);
  assert.equal(v.code, 1, v.stdout);
  assert.match(
    v.stderr,
    new RegExp(
      `answer ${late} of ${p.org} \\(log entry \\d+\\) is signed by key ${p.fingerprint}, retired in log entry \\d+`,
    ),
  );
  assert.doesNotMatch(v.stderr, new RegExp(`answer ${first.id}`));
});
