/**
 * The caller's abilities carried on answers (src/presenters/abilities.ts), through the real API on
 * both engines: they differ by role exactly as the one policy says, on the session, on an incident
 * and on a provision, so the web UI can show actions without knowing role names.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type SignedInClient, type TestServer } from '../support/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { fixedClock } from '../../src/adapters/clock.ts';
import { can } from '../../src/domain/policy.ts';
import type { Role } from '../../src/contract/enums.ts';
import type { Deps } from '../../src/services/deps.ts';
import { actorOf } from '../support/api.ts';

let tdb: TestDatabase;
let deps: Deps;
let server: TestServer;
const sessions = new Map<string, SignedInClient>();

const ACCOUNTS = {
  coordinator: 'coordinator@truce.example',
  monitor: 'monitor.un@truce.example',
  liaisonIcrc: 'liaison.icrc@truce.example',
  liaisonId: 'liaison.id@truce.example',
  observer: 'observer.il@truce.example',
} as const;

async function as(email: string): Promise<SignedInClient> {
  let s = sessions.get(email);
  if (!s) {
    s = await signInAs(server.url, email);
    sessions.set(email, s);
  }
  return s;
}

before(async () => {
  tdb = await openTestDatabase();
  deps = testDeps(tdb.database, fixedClock(new Date('2025-11-20T10:00:00Z')));
  await seedDemo(deps);
  server = await startTestServer(deps);
});
after(async () => {
  await server.close();
  await tdb.close();
});

test('the session says what each account may start, and it differs by role', async () => {
  const abilities = async (email: string) => (await (await as(email)).client.call('getSession', {})).abilities;
  assert.deepEqual(await abilities(ACCOUNTS.coordinator), {
    fileReport: true,
    createProvision: true,
    offerContribution: true,
    planHandover: true,
    certifyContribution: true,
    proposeDecision: true,
    setConsentRules: true,
  });
  assert.deepEqual(await abilities(ACCOUNTS.monitor), {
    fileReport: true,
    createProvision: false,
    offerContribution: false,
    planHandover: false,
    certifyContribution: false,
    proposeDecision: false,
    setConsentRules: false,
  });
  assert.deepEqual(await abilities(ACCOUNTS.liaisonId), {
    fileReport: false,
    createProvision: false,
    offerContribution: true,
    planHandover: false,
    certifyContribution: false,
    proposeDecision: false,
    setConsentRules: false,
  });
  assert.deepEqual(await abilities(ACCOUNTS.observer), {
    fileReport: false,
    createProvision: false,
    offerContribution: false,
    planHandover: false,
    certifyContribution: false,
    proposeDecision: false,
    setConsentRules: false,
  });
});

test('an incident carries what its reader may do to it', async () => {
  // A proposed ruling, where every action applies (the workflow table decides what is offered).
  const { items } = await (
    await as(ACCOUNTS.coordinator)
  ).client.call('listIncidents', {
    query: { status: 'ruling_proposed', limit: 1 },
  });
  const id = items[0]?.id;
  assert.ok(id, 'the demo has a proposed ruling');
  const abilities = async (email: string) =>
    (await (await as(email)).client.call('getIncident', { params: { id } })).abilities;
  // Monitors review rulings; coordinators run the mission but neither approve nor contest.
  // Taking, merging and splitting no longer apply once a ruling is proposed.
  const none = { reply: false, appeal: false };
  assert.deepEqual(await abilities(ACCOUNTS.monitor), {
    transition: true,
    assign: false,
    review: true,
    merge: false,
    ...none,
  });
  assert.deepEqual(await abilities(ACCOUNTS.coordinator), {
    transition: true,
    assign: false,
    review: false,
    merge: false,
    ...none,
  });
  assert.deepEqual(await abilities(ACCOUNTS.observer), {
    transition: false,
    assign: false,
    review: false,
    merge: false,
    ...none,
  });
});

test('a provision carries what its reader may do, deliveries checked against its intermediary', async () => {
  const find = async (email: string) => {
    const list = await (await as(email)).client.call('listProvisions', {});
    const p = list.items.find((x) => /living hostages/.test(x.title));
    assert.ok(p, 'the demo has the release of living hostages (ICRC as intermediary)');
    return p.abilities;
  };
  assert.deepEqual(await find(ACCOUNTS.coordinator), { deliver: true, dispute: true, assess: true, resolve: true });
  // The intermediary's liaison records deliveries; another contributor's liaison does not.
  assert.deepEqual(await find(ACCOUNTS.liaisonIcrc), { deliver: true, dispute: true, assess: false, resolve: false });
  assert.deepEqual(await find(ACCOUNTS.liaisonId), { deliver: false, dispute: true, assess: false, resolve: false });
  assert.deepEqual(await find(ACCOUNTS.monitor), { deliver: true, dispute: false, assess: false, resolve: false });
  assert.deepEqual(await find(ACCOUNTS.observer), { deliver: false, dispute: true, assess: false, resolve: false });
});

test('every flag is the policy, not a second rule', async () => {
  // The same answers as `can` for each role of the demo, so a change to the policy moves the UI with it.
  const roles: Record<string, Role> = {
    coordinator: 'coordinator',
    monitor: 'monitor',
    liaisonId: 'liaison',
    observer: 'observer',
  };
  for (const [who, role] of Object.entries(roles)) {
    const email = ACCOUNTS[who as keyof typeof ACCOUNTS];
    const session = await (await as(email)).client.call('getSession', {});
    const actor = await actorOf(deps, email);
    assert.equal(actor.role, role);
    assert.equal(session.abilities?.fileReport, can(actor, 'report.create'), `${who} fileReport`);
    assert.equal(session.abilities?.createProvision, can(actor, 'provision.create'), `${who} createProvision`);
    assert.equal(
      session.abilities?.certifyContribution,
      can(actor, 'contribution.certify'),
      `${who} certifyContribution`,
    );
    assert.equal(session.abilities?.proposeDecision, can(actor, 'decision.propose'), `${who} proposeDecision`);
  }
});
