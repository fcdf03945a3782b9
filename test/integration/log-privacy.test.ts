/**
 * Issue 10, findings 6 and 7 (and 11's verify part), as an attacker and a careless operator would
 * try them:
 * - the public log tells no more than the public API: every leaf of every record kind, decoded
 *   anonymously from /log, carries no user id, file hash, exact point or person's name, and every
 *   public field is one we classified as public (new fields must be classified here);
 * - leaf format v2 starts at a recorded index; a v1 leaf after it fails verification;
 * - a restricted value edited in the database (with or without its stored secret) is named by
 *   `truce audit`, and by `truce verify` for an account allowed to read it;
 * - `truce verify` fails loudly when the API answers 500 (only 403 means "not allowed").
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { localEvents } from '../../src/events/local.ts';
import { defaultAuthSettings } from '../../src/services/auth-settings.ts';
import { openTestDatabase, silentLogger, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type TestServer } from '../support/server.ts';
import { runCli } from '../support/cli.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { Sequencer } from '../../src/log/sequencer.ts';
import { loadOrCreateLogKey, type LogKey } from '../../src/log/keys.ts';
import { auditDatabase } from '../../src/log/audit.ts';
import { decodeLeaf, type Leaf } from '../../src/log/leaf.ts';
import { httpSource } from '../../src/log/source.ts';
import { verifyLog } from '../../src/log/verify-log.ts';
import { systemClock } from '../../src/adapters/clock.ts';
import { mountLog } from '../../src/api/log-routes.ts';
import { coarse } from '../../src/domain/monitoring/precision.ts';
import type { Deps } from '../../src/services/deps.ts';
import { writeWithLog } from '../../src/services/write.ts';
import type { Actor } from '../../src/domain/policy.ts';
import { testKind } from '../support/kinds.ts';

let tdb: TestDatabase;
let deps: Deps;
let key: LogKey;
let server: TestServer;
const ORIGIN = 'truce.test/log';

before(async () => {
  tdb = await openTestDatabase();
  key = await loadOrCreateLogKey(tdb.database.db, ORIGIN, new Date());
  const sequencer = new Sequencer(tdb.database.db, key, ORIGIN, systemClock, silentLogger);
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
  await seedDemo(deps);
  server = await startTestServer(deps, (a) => mountLog(a, tdb.database.db, key.verifierKey));
});
after(async () => {
  await server.close();
  await tdb.close();
});

const PUBLIC =
  'readable without an account, or non-identifying (ids of records, statuses, kinds, counts, times, organisations)';

/**
 * Every public field of every record kind, classified. A field missing here fails the test: it
 * must be classified before it may enter the permanent public log.
 */
const CLASSIFIED: Record<string, Record<string, string>> = {
  mission: { name: PUBLIC, forceCeiling: PUBLIC, approvalQuorum: PUBLIC },
  // The organisation may stay public (issue 10, finding 6).
  organisation: { name: PUBLIC, kind: PUBLIC, country: PUBLIC, parentId: PUBLIC },
  user: { organisationId: PUBLIC, role: PUBLIC, disabled: PUBLIC },
  api_token: { expiresAt: PUBLIC, revokedAt: PUBLIC },
  // Force and handover records publish their releasability levels only (finding 9).
  contribution: { releasability: PUBLIC, detailReleasability: PUBLIC },
  contribution_transition: { contributionId: PUBLIC },
  sector_requirement: { releasability: PUBLIC },
  handover_milestone: { releasability: PUBLIC },
  deployment: { releasability: PUBLIC, detailReleasability: PUBLIC },
  // Geometries of sectors and control lines are public geography; their digests are not files.
  sector: { name: PUBLIC, geometrySha256: PUBLIC },
  control_line: {
    lineId: PUBLIC,
    name: PUBLIC,
    lineVersion: PUBLIC,
    geometrySha256: PUBLIC,
    heldAreaSha256: PUBLIC,
    heldByOrganisationId: PUBLIC,
    validFrom: PUBLIC,
    validTo: PUBLIC,
    source: PUBLIC,
  },
  // Locations rounded to 0.01 degree, as the public rulings view shows them.
  report: {
    clientId: PUBLIC,
    incidentId: PUBLIC,
    sectorId: PUBLIC,
    side: PUBLIC,
    occurredAt: PUBLIC,
    timePrecision: PUBLIC,
    lon: PUBLIC,
    lat: PUBLIC,
    geoPrecision: PUBLIC,
    eventType: PUBLIC,
    subEventType: PUBLIC,
    observations: PUBLIC,
    actor1: PUBLIC,
    actor2: PUBLIC,
    fatalities: PUBLIC,
    injuries: PUBLIC,
    sourceKind: PUBLIC,
    sourceReliability: PUBLIC,
    authorOrganisationId: PUBLIC,
    // When it was filed (the leaf's own `at` tells as much).
    createdAt: PUBLIC,
    // Issue 13: counts, weapon, calibre, times, method, confidence. The perpetrator, the source of
    // a casualty figure, direction and distance are commitments (domain/monitoring/facts.ts).
    facts: PUBLIC,
    // The place only when wider than a coarse cell (a site would locate the event).
    placeId: PUBLIC,
  },
  // The gazetteer: public geography.
  place: {
    names: PUBLIC,
    alternates: PUBLIC,
    lon: PUBLIC,
    lat: PUBLIC,
    sectorId: PUBLIC,
    radiusKm: PUBLIC,
    illustrative: PUBLIC,
    updatedAt: PUBLIC,
  },
  incident: {
    title: PUBLIC,
    status: PUBLIC,
    outcome: PUBLIC,
    provisionId: PUBLIC,
    responsibleOrgId: PUBLIC,
    eventType: PUBLIC,
    subEventType: PUBLIC,
    occurredAt: PUBLIC,
    lon: PUBLIC,
    lat: PUBLIC,
    sectorId: PUBLIC,
    side: PUBLIC,
    reportCount: PUBLIC,
    assigned: PUBLIC,
    mergedInto: PUBLIC,
    rulingRound: PUBLIC,
    updatedAt: PUBLIC,
  },
  incident_event: {
    incidentId: PUBLIC,
    action: PUBLIC,
    fromStatus: PUBLIC,
    toStatus: PUBLIC,
    outcome: PUBLIC,
    rationale: PUBLIC,
    round: PUBLIC,
    relatedIncidentId: PUBLIC,
    detail: PUBLIC,
    actorOrganisationId: PUBLIC,
    at: PUBLIC,
  },
  // Who must decide what: every party must know how it will be judged.
  monitoring_rules: {
    rulingQuorum: PUBLIC,
    appealQuorum: PUBLIC,
    proposerCounts: PUBLIC,
    appealDays: PUBLIC,
    updatedAt: PUBLIC,
  },
  agreement_event: { key: PUBLIC, name: PUBLIC, occurredAt: PUBLIC },
  provision: {
    phase: PUBLIC,
    reference: PUBLIC,
    title: PUBLIC,
    text: PUBLIC,
    type: PUBLIC,
    partyIds: PUBLIC,
    intermediaryOrgId: PUBLIC,
    dependsOnId: PUBLIC,
    deadlineRule: PUBLIC,
    measure: PUBLIC,
  },
  // `verifier` is the verifying body (an organisation); persons are restricted (only their count is public).
  provision_delivery: {
    provisionId: PUBLIC,
    organisationId: PUBLIC,
    count: PUBLIC,
    occurredAt: PUBLIC,
    verifier: PUBLIC,
    location: PUBLIC,
    evidence: PUBLIC,
    personsNamed: PUBLIC,
  },
  provision_assessment: { provisionId: PUBLIC, score: PUBLIC, evidence: PUBLIC, rationale: PUBLIC, assessedAt: PUBLIC },
  provision_dispute: {
    provisionId: PUBLIC,
    organisationId: PUBLIC,
    reason: PUBLIC,
    status: PUBLIC,
    resolution: PUBLIC,
    openedAt: PUBLIC,
    resolvedAt: PUBLIC,
  },
  // Issue 12: who must consent, who was asked by when, who answered what and when; a decision's
  // text and subjects, an answer's conditions and reasons, and deliberation notes are commitments.
  consent_rule: { kind: PUBLIC, requiredOrgIds: PUBLIC, quorum: PUBLIC, illustrative: PUBLIC, note: PUBLIC },
  decision: {
    kind: PUBLIC,
    requiredOrgIds: PUBLIC,
    // Who the proposer asked besides the rule's organisations (each must consent, never counted in the quorum).
    addedOrgIds: PUBLIC,
    quorum: PUBLIC,
    dueAt: PUBLIC,
    proposerOrgId: PUBLIC,
    proposedAt: PUBLIC,
    cancelledAt: PUBLIC,
  },
  decision_answer: {
    decisionId: PUBLIC,
    decisionVersion: PUBLIC,
    organisationId: PUBLIC,
    answer: PUBLIC,
    answeredAt: PUBLIC,
    // A party's own signature over a salted digest of the (committed) content: reveals nothing of it.
    contentDigest: PUBLIC,
    signature: PUBLIC,
    keyFingerprint: PUBLIC,
  },
  decision_note: { decisionId: PUBLIC },
  // A party's public signing key: whoever pins it checks the party's answers.
  // Meetings: that one took place, when, who convened and attended, what it decided; who owes which
  // action by when and when it was done. Titles, place, agenda, minutes and items' text are commitments.
  meeting: {
    heldOn: PUBLIC,
    conveningOrgId: PUBLIC,
    attendingOrgIds: PUBLIC,
    decisionIds: PUBLIC,
    illustrative: PUBLIC,
  },
  meeting_action: { meetingId: PUBLIC, ownerOrgId: PUBLIC, dueOn: PUBLIC, doneAt: PUBLIC, illustrative: PUBLIC },
  party_key: {
    organisationId: PUBLIC,
    publicKey: PUBLIC,
    fingerprint: PUBLIC,
    registeredAt: PUBLIC,
    retiredAt: PUBLIC,
  },
};

/** Values that must never appear in a public leaf: ids and names of people, file hashes, exact points. */
async function secrets(): Promise<{ strings: Map<string, string>; numbers: Map<number, string> }> {
  const db = tdb.database.db;
  const strings = new Map<string, string>();
  const numbers = new Map<number, string>();
  for (const u of await db.selectFrom('users').select(['id', 'email', 'name']).execute()) {
    strings.set(u.id, `user id of ${u.email}`);
    strings.set(u.email, 'an email');
    strings.set(u.name, `the name of ${u.email}`);
  }
  for (const e of await db.selectFrom('evidence').select('sha256').execute())
    strings.set(e.sha256, 'an evidence file hash');
  for (const r of await db
    .selectFrom('reports')
    .select(['source_name', 'description', 'lon', 'lat', 'evidence', 'facts'])
    .execute()) {
    strings.set(r.source_name, "a report's source name");
    // Issue 13: who gave a casualty figure (the demo's first report has one).
    const casualtySource = (r.facts as { casualties?: { source?: string } }).casualties?.source;
    if (casualtySource) strings.set(casualtySource, "a casualty figure's source");
    strings.set(r.description, "a report's description");
    for (const h of (r.evidence as string[] | null) ?? []) strings.set(h, 'an evidence file hash');
    // An exact point finer than the public rounding.
    if (coarse(r.lon) !== r.lon) numbers.set(r.lon, 'an exact longitude');
    if (coarse(r.lat) !== r.lat) numbers.set(r.lat, 'an exact latitude');
  }
  for (const d of await db.selectFrom('provision_deliveries').select('persons').execute()) {
    for (const p of (d.persons as { name?: string }[] | null) ?? [])
      if (p.name) strings.set(p.name, "a delivered person's name");
  }
  return { strings, numbers };
}

function findSecret(value: unknown, s: Awaited<ReturnType<typeof secrets>>, at: string): string | undefined {
  if (typeof value === 'string') {
    const hit = s.strings.get(value);
    if (hit) return `${at} holds ${hit}`;
    for (const [secret, what] of s.strings)
      if (secret.length >= 8 && value.includes(secret)) return `${at} contains ${what}`;
  } else if (typeof value === 'number') {
    const hit = s.numbers.get(value);
    if (hit) return `${at} holds ${hit}`;
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findSecret(v, s, `${at}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

async function anonymousLeaves(): Promise<{ leaf: Leaf; index: number }[]> {
  const { entries } = await verifyLog(httpSource(server.url), key.verifierKey);
  return entries.map((e, index) => ({ leaf: decodeLeaf(e), index }));
}

test('writes that name people, places and files: a report with evidence at an exact point, an assignment, a token', async () => {
  const monitor = await signInAs(server.url, 'monitor.un@truce.example');
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(64)]);
  const up = await fetch(`${server.url}/api/evidence`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', cookie: monitor.cookie, 'x-csrf-token': monitor.csrfToken },
    body: png,
  });
  assert.equal(up.status, 201, await up.clone().text());
  const { sha256 } = (await up.json()) as { sha256: string };
  const report = await monitor.client.call('createReport', {
    body: {
      clientId: '0b6f7c4e-2d1a-4c3b-9e8f-7a6b5c4d3e2f',
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      timePrecision: 1,
      location: { type: 'Point', coordinates: [34.4567891, 31.5012345] },
      geoPrecision: 1,
      eventType: 'Violence against civilians',
      subEventType: 'Attack',
      observations: {},
      fatalities: {},
      injuries: { best: 1 },
      source: { kind: 'public', name: 'Samira Haddad (neighbour)', reliability: 'probable' },
      description: 'Samira saw the shot from her window on the third floor.',
      evidence: [sha256],
    },
  });
  const coordinator = await signInAs(server.url, 'coordinator@truce.example');
  const un = (await coordinator.client.call('listUsers', {})).items.find(
    (u) => u.email === 'monitor.un@truce.example',
  )!;
  await coordinator.client.call('assignIncident', {
    params: { id: report.incidentId },
    body: { assigneeUserId: un.id, note: 'take it' },
  });
  await monitor.client.call('createToken', { body: { label: 'phone' } });
});

test('no public leaf of any record kind carries a value an anonymous caller may not learn', async () => {
  const leaves = await anonymousLeaves();
  const s = await secrets();
  const problems: string[] = [];
  const kinds = new Set<string>();
  for (const { leaf, index } of leaves) {
    kinds.add(leaf.kind);
    const where = `entry ${index} (${leaf.kind})`;
    if (leaf.v !== 2) problems.push(`${where} is leaf format v${leaf.v}; the demo must be written in v2`);
    if (leaf.user !== null && !/^[0-9a-f]{64}$/.test(leaf.user)) problems.push(`${where}: user is not a commitment`);
    const classified = CLASSIFIED[leaf.kind];
    if (!classified) {
      problems.push(`${where}: record kind not classified in this test`);
      continue;
    }
    for (const [field, value] of Object.entries(leaf.public)) {
      if (!classified[field]) problems.push(`${where}: public field ${field} is not classified as public`);
      const found = findSecret(value, s, `${where} public.${field}`);
      if (found) problems.push(found);
    }
    // The envelope: only the user's own record may be keyed by its id; nothing else names one.
    const envelope = {
      org: leaf.org,
      user: leaf.user,
      prev: leaf.prev,
      at: leaf.at,
      op: leaf.op,
      ...(leaf.kind === 'user' ? {} : { id: leaf.id }),
    };
    const found = findSecret(envelope, s, where);
    if (found) problems.push(found);
  }
  assert.deepEqual(problems, []);
  // Every kind a writer can produce was seen (so no kind escapes the check), and the secrets we
  // planted really were written (so the test can fail).
  for (const kind of [
    'report',
    'incident',
    'incident_event',
    'user',
    'api_token',
    'organisation',
    'contribution',
    'provision',
    'provision_delivery',
    'sector',
    'deployment',
    'handover_milestone',
    'sector_requirement',
    'place',
  ]) {
    assert.ok(kinds.has(kind), `no ${kind} in the demo log`);
  }
  assert.ok(
    [...s.strings.values()].includes('an evidence file hash') &&
      [...s.strings.values()].includes("a casualty figure's source") &&
      [...s.numbers.values()].includes('an exact longitude'),
  );
});

test('the public log and the API agree: a published ruling shows what its incident leaf holds', async () => {
  const rulings = (await (await fetch(`${server.url}/api/public/rulings`)).json()) as {
    items: { id: string; title: string; location: { coordinates: [number, number] } }[];
  };
  assert.ok(rulings.items.length > 0);
  const leaves = await anonymousLeaves();
  for (const r of rulings.items) {
    const latest = leaves.filter((l) => l.leaf.kind === 'incident' && l.leaf.id === r.id).at(-1)!.leaf;
    assert.equal(latest.public.title, r.title);
    assert.deepEqual([latest.public.lon, latest.public.lat], r.location.coordinates);
  }
});

test('the API shows account ids only to readers allowed to list accounts', async () => {
  const observer = await signInAs(server.url, 'observer.il@truce.example');
  const changes = await observer.client.call('listLogChanges', { query: { limit: 200 } });
  assert.ok(
    changes.items.every((c) => c.userId === null),
    'a party sees the organisation, not the account',
  );
  const incidents = await observer.client.call('listIncidents', { query: { limit: 500 } });
  for (const i of incidents.items.slice(0, 5)) {
    const detail = await observer.client.call('getIncident', { params: { id: i.id } });
    assert.ok(detail.history.every((e) => e.actorUserId === null));
    assert.ok(detail.reports.every((r) => r.openings === undefined && r.description === null));
  }
  const coordinator = await signInAs(server.url, 'coordinator@truce.example');
  assert.ok(
    (await coordinator.client.call('listLogChanges', { query: { limit: 200 } })).items.some((c) => c.userId !== null),
  );
});

const verify = (env: NodeJS.ProcessEnv = {}) => runCli(['verify', '--url', server.url, '--vkey', key.verifierKey], env);
const tokenFor = async (email: string) =>
  (await (await signInAs(server.url, email)).client.call('createToken', { body: { label: 'verify' } })).token;

test('a report description changed in the database, with or without its secret, is named by audit and by verify', async () => {
  const db = tdb.database.db;
  assert.deepEqual((await auditDatabase(db, key.verifierKey)).mismatches, []);
  const report = await db
    .selectFrom('reports')
    .select(['id', 'description'])
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const forged = 'Nothing happened here.';
  const change = await db
    .selectFrom('record_changes')
    .select('id')
    .where('record_kind', '=', 'report')
    .where('record_id', '=', report.id)
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow();

  // The value and its stored secret edited to match (the attack).
  await sql`update reports set description = ${forged} where id = ${report.id}`.execute(db);
  await sql`update record_secrets set value = ${JSON.stringify(forged)}::jsonb where change_id = ${change.id} and field = 'description'`.execute(
    db,
  );
  const both = await auditDatabase(db, key.verifierKey);
  assert.deepEqual(
    both.mismatches.map((m) => [m.kind, m.id, /restricted field description/.test(m.problem)]),
    [['report', report.id, true]],
  );

  // An allowed reader (a monitor) recomputes the commitment from what the API shows it.
  const asMonitor = await verify({ TRUCE_TOKEN: await tokenFor('monitor.eu@truce.example') });
  assert.equal(asMonitor.code, 1, asMonitor.stdout);
  assert.match(
    asMonitor.stderr,
    new RegExp(`report ${report.id} restricted field description does not match its commitment`),
  );
  // A party, shown no description and no opening, cannot tell (and is not told anything it may not see).
  const asParty = await verify({ TRUCE_TOKEN: await tokenFor('observer.ps@truce.example') });
  assert.equal(asParty.code, 0, asParty.stderr);

  // Only the value edited, the secret as it was.
  await sql`update record_secrets set value = ${JSON.stringify(report.description)}::jsonb where change_id = ${change.id} and field = 'description'`.execute(
    db,
  );
  const valueOnly = await auditDatabase(db, key.verifierKey);
  assert.deepEqual(
    valueOnly.mismatches.map((m) => [m.id, /restricted field description/.test(m.problem)]),
    [[report.id, true]],
  );

  await sql`update reports set description = ${report.description} where id = ${report.id}`.execute(db);
  assert.deepEqual((await auditDatabase(db, key.verifierKey)).mismatches, []);
});

test('what parties and the public are shown of an incident, changed in the database, is named by audit and by verify for each reader', async () => {
  const db = tdb.database.db;
  assert.deepEqual((await auditDatabase(db, key.verifierKey)).mismatches, []);
  const ruled = (await (await fetch(`${server.url}/api/public/rulings`)).json()) as { items: { id: string }[] };
  const id = ruled.items[0]!.id;
  const before = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const report = await db
    .selectFrom('reports')
    .select(['id', 'created_at'])
    .where('incident_id', '=', id)
    .executeTakeFirstOrThrow();
  const other = await db
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', 'party')
    .where('id', '<>', before.responsible_org_id ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirstOrThrow();
  const observer = await tokenFor('observer.il@truce.example');
  const monitor = await tokenFor('monitor.eu@truce.example');
  const named = (out: string, field: string) => new RegExp(`incident ${id} field ${field} differs`).test(out);

  // The shown (stored coarse) point moved near Rafah, the publication date and the blamed party changed.
  await sql`update incidents set coarse_lon = 34.31, coarse_lat = 31.3, updated_at = '2025-12-24T12:00:00Z', responsible_org_id = ${other.id} where id = ${id}`.execute(
    db,
  );
  await sql`update reports set created_at = '2025-11-01T00:00:00Z' where id = ${report.id}`.execute(db);
  try {
    const audit = (await auditDatabase(db, key.verifierKey)).mismatches.map((m) => `${m.kind} ${m.id} ${m.problem}`);
    for (const field of ['lon', 'lat', 'updatedAt', 'responsibleOrgId']) {
      assert.ok(
        audit.some((m) => named(m, field)),
        `audit names ${field}: ${audit.join('; ')}`,
      );
    }
    assert.ok(
      audit.some((m) => m.startsWith(`report ${report.id} field createdAt differs`)),
      audit.join('; '),
    );
    // Anyone, without an account, checks the public rulings against the log.
    const asPublic = await verify();
    assert.equal(asPublic.code, 1, asPublic.stdout);
    for (const field of ['lon', 'updatedAt', 'responsibleOrgId'])
      assert.ok(named(asPublic.stderr, field), asPublic.stderr);
    // A party's observer sees the moved point, the date and the party, and is told.
    const asObserver = await verify({ TRUCE_TOKEN: observer });
    assert.equal(asObserver.code, 1, asObserver.stdout);
    for (const field of ['lon', 'updatedAt', 'responsibleOrgId']) {
      assert.ok(named(asObserver.stderr, field), asObserver.stderr);
    }
    assert.match(asObserver.stderr, new RegExp(`report ${report.id} field createdAt differs`));
    // The monitoring team sees the exact point, whose rounding is still the logged one.
    const asMonitor = await verify({ TRUCE_TOKEN: monitor });
    assert.equal(asMonitor.code, 1, asMonitor.stdout);
    assert.ok(!named(asMonitor.stderr, 'lon'), asMonitor.stderr);
    assert.ok(named(asMonitor.stderr, 'updatedAt'), asMonitor.stderr);
  } finally {
    await sql`update incidents set coarse_lon = ${before.coarse_lon}, coarse_lat = ${before.coarse_lat}, updated_at = ${before.updated_at}, responsible_org_id = ${before.responsible_org_id} where id = ${id}`.execute(
      db,
    );
    await sql`update reports set created_at = ${report.created_at} where id = ${report.id}`.execute(db);
  }

  // The exact point edited: audit by its commitment, and the monitoring team's verify by the
  // opening the API now gives it for the incident itself (rounding the edit stays in the same cell).
  await sql`update incidents set lon = ${before.lon + 0.0011} where id = ${id}`.execute(db);
  try {
    const audit = (await auditDatabase(db, key.verifierKey)).mismatches.map((m) => `${m.kind} ${m.id} ${m.problem}`);
    assert.ok(
      audit.some((m) => m.startsWith(`incident ${id} restricted field exactLon`)),
      audit.join('; '),
    );
    const asMonitor = await verify({ TRUCE_TOKEN: monitor });
    assert.equal(asMonitor.code, 1, asMonitor.stdout);
    assert.match(
      asMonitor.stderr,
      new RegExp(`incident ${id} restricted field exactLon does not match its commitment`),
    );
    const asObserver = await verify({ TRUCE_TOKEN: observer });
    assert.equal(asObserver.code, 0, asObserver.stderr);
  } finally {
    await sql`update incidents set lon = ${before.lon} where id = ${id}`.execute(db);
  }
  assert.deepEqual((await auditDatabase(db, key.verifierKey)).mismatches, []);
  const clean = await verify();
  assert.equal(clean.code, 0, clean.stderr);
  assert.match(clean.stdout, /public records match their latest log entries/);
});

test('a ruling made public that never was, a moved date, an approval given to another organisation: verify names each', async () => {
  const db = tdb.database.db;
  const published = ((await (await fetch(`${server.url}/api/public/rulings`)).json()) as { items: { id: string }[] })
    .items[0]!.id;
  const unpublished = await db
    .selectFrom('incidents')
    .select(['id', 'status'])
    .where('status', 'in', ['ruled', 'ruling_proposed', 'investigating', 'alleged'])
    .executeTakeFirstOrThrow();
  const before = await db
    .selectFrom('incidents')
    .select(['occurred_at'])
    .where('id', '=', published)
    .executeTakeFirstOrThrow();
  const approval = await db
    .selectFrom('incident_events')
    .select(['id', 'actor_org_id'])
    .where('incident_id', '=', published)
    .where('action', '=', 'approve')
    .executeTakeFirstOrThrow();
  const otherBody = await db
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', 'mission')
    .where('id', '<>', approval.actor_org_id ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirstOrThrow();
  await sql`update incidents set status = 'published' where id = ${unpublished.id}`.execute(db);
  await sql`update incidents set occurred_at = occurred_at - interval '3 days' where id = ${published}`.execute(db);
  await sql`update incident_events set actor_org_id = ${otherBody.id} where id = ${approval.id}`.execute(db);
  try {
    // Anyone, without an account: the extra ruling's status and the published one's day.
    const asPublic = await verify();
    assert.equal(asPublic.code, 1, asPublic.stdout);
    assert.match(asPublic.stderr, new RegExp(`incident ${unpublished.id} field status differs`));
    assert.match(asPublic.stderr, new RegExp(`incident ${published} field occurredAt differs`));
    // A party's observer is shown the history: the approval now under another organisation.
    const asObserver = await verify({ TRUCE_TOKEN: await tokenFor('observer.ps@truce.example') });
    assert.equal(asObserver.code, 1, asObserver.stdout);
    assert.match(asObserver.stderr, new RegExp(`incident_event ${approval.id} field actorOrganisationId differs`));
  } finally {
    await sql`update incidents set status = ${unpublished.status} where id = ${unpublished.id}`.execute(db);
    await sql`update incidents set occurred_at = ${before.occurred_at} where id = ${published}`.execute(db);
    await sql`update incident_events set actor_org_id = ${approval.actor_org_id} where id = ${approval.id}`.execute(db);
  }
  const clean = await verify({ TRUCE_TOKEN: await tokenFor('observer.ps@truce.example') });
  assert.equal(clean.code, 0, clean.stderr);
});

test("an entry's actor changed in the audit trail is named by audit", async () => {
  const db = tdb.database.db;
  const row = await db
    .selectFrom('record_changes')
    .select(['id', 'record_id', 'actor_user_id'])
    .where('record_kind', '=', 'incident_event')
    .where('actor_user_id', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const other = await db
    .selectFrom('users')
    .select('id')
    .where('id', '<>', row.actor_user_id!)
    .executeTakeFirstOrThrow();
  await sql`update record_changes set actor_user_id = ${other.id} where id = ${row.id}`.execute(db);
  const audit = await auditDatabase(db, key.verifierKey);
  assert.ok(
    audit.mismatches.some(
      (m) => m.id === row.record_id && /actor of log entry \d+ does not match its commitment/.test(m.problem),
    ),
    JSON.stringify(audit.mismatches),
  );
  await sql`update record_changes set actor_user_id = ${row.actor_user_id} where id = ${row.id}`.execute(db);
});

test('truce verify fails loudly when reading records answers 500 (only 403 means not allowed)', async () => {
  const token = await tokenFor('monitor.un@truce.example');
  await sql`alter table incidents rename to incidents_away`.execute(tdb.database.db);
  try {
    const r = await verify({ TRUCE_TOKEN: token });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /reading records through the API failed/);
  } finally {
    await sql`alter table incidents_away rename to incidents`.execute(tdb.database.db);
  }
  // A role that may not list accounts (403) is still verified for everything else.
  const ok = await verify({ TRUCE_TOKEN: await tokenFor('observer.il@truce.example') });
  assert.equal(ok.code, 0, ok.stderr);
});

test('leaf format v2 starts at the recorded index; a v1 leaf after it fails verification', async () => {
  const db = tdb.database.db;
  const actor: Actor = {
    userId: (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id,
    organisationId: (await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id,
    role: 'admin',
    organisationChain: [],
    credential: 'session',
  };
  const note = (id: string) =>
    writeWithLog(deps, (_tx, record) =>
      record({ kind: testKind('test_note'), id, version: 1, op: 'create', at: new Date(), actor, public: {} }),
    );
  const { size } = await db.selectFrom('log_state').select('size').executeTakeFirstOrThrow();
  assert.equal((await verify()).code, 0);
  // A writer that ignores the switch (an old server after the upgrade) publishes the actor in clear.
  await db.updateTable('log_state').set({ leaf_v2_from: null }).execute();
  const w = await note(`v1-${Date.now()}`);
  const proof = (await (await fetch(`${server.url}/api/log/proof?index=${w.logIndex}`)).json()) as { entry: string };
  const leaf = decodeLeaf(Buffer.from(proof.entry, 'base64'));
  assert.equal(leaf.v, 1);
  assert.equal(leaf.user, actor.userId);
  const r = await verify();
  assert.equal(r.code, 1);
  assert.match(r.stderr, new RegExp(`entry ${w.logIndex} is in leaf format v1 after format v2 began at entry 0`));
  await db.updateTable('log_state').set({ leaf_v2_from: size }).execute();
});
