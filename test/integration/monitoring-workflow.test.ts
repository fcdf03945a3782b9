/**
 * The incident workflow on a real server and database: every allowed and every forbidden
 * transition of the table, what a proposed ruling must carry, joint approval by a quorum of
 * distinct organisations (and contesting), assignment, merge and split with both histories kept.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { signInAs, startTestServer, type SignedInClient, type TestServer } from '../support/server.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { ApiError } from '../../src/contract/client.ts';
import type { Deps } from '../../src/services/deps.ts';
import { INCIDENT_STATUSES, TRANSITIONS, type IncidentStatus } from '../../src/domain/monitoring/workflow.ts';

let tdb: TestDatabase;
let deps: Deps;
let server: TestServer;
let un: SignedInClient;
let eu: SignedInClient;
let coordinator: SignedInClient;
let israelId: string;
let slot = 0;

before(async () => {
  tdb = await openTestDatabase();
  deps = testDeps(tdb.database);
  await seedDemo(deps);
  server = await startTestServer(deps);
  un = await signInAs(server.url, 'monitor.un@truce.example');
  eu = await signInAs(server.url, 'monitor.eu@truce.example');
  coordinator = await signInAs(server.url, 'coordinator@truce.example');
  israelId = (
    await deps.db.selectFrom('organisations').select('id').where('name', '=', 'Israel').executeTakeFirstOrThrow()
  ).id;
});
after(async () => {
  await server.close();
  await tdb.close();
});

/** A fresh incident (each in its own time slot, so none groups with another). */
async function newIncident(
  lonLat: [number, number] = [34.455, 31.505],
): Promise<{ incidentId: string; reportId: string }> {
  slot += 1;
  const occurredAt = new Date(Date.now() - slot * 5 * 3600_000).toISOString();
  const r = await un.client.call('createReport', {
    body: {
      clientId: randomUUID(),
      occurredAt,
      location: { type: 'Point', coordinates: lonLat },
      eventType: 'Explosions/Remote violence',
      subEventType: 'Air/drone strike',
      description: 'Drone strike reported near the road.',
      source: { kind: 'public', name: 'Resident' },
    },
  });
  return { incidentId: r.incidentId, reportId: r.id };
}

/** Puts an incident straight into a status (test set-up only; the API path is tested separately). */
async function forceStatus(id: string, status: IncidentStatus): Promise<void> {
  const ruling = ['ruling_proposed', 'ruled', 'published'].includes(status);
  await deps.db
    .updateTable('incidents')
    .set({ status, outcome: ruling ? 'no_violation' : null, ruling_round: ruling ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

async function version(id: string): Promise<number> {
  return (await deps.db.selectFrom('incidents').select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version;
}

test('every pair of statuses: allowed transitions succeed, all others are 409 and change nothing', async () => {
  let allowed = 0;
  let refused = 0;
  for (const from of INCIDENT_STATUSES) {
    for (const to of INCIDENT_STATUSES) {
      const { incidentId } = await newIncident();
      await forceStatus(incidentId, from);
      const v = await version(incidentId);
      const body = {
        to,
        rationale: `from ${from} to ${to}`,
        ...(to === 'ruling_proposed' ? { outcome: 'no_violation' as const } : {}),
      };
      const res = await fetch(`${server.url}/api/incidents/${incidentId}/transitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: un.cookie, 'x-csrf-token': un.csrfToken },
        body: JSON.stringify(body),
      });
      if (TRANSITIONS[from][to] === 'request') {
        assert.equal(res.status, 200, `${from} -> ${to} is allowed`);
        const after = (await res.json()) as {
          status: string;
          version: number;
          history: { action: string; fromStatus: string; toStatus: string; rationale: string }[];
        };
        assert.equal(after.status, to);
        assert.equal(after.version, v + 1);
        assert.deepEqual(after.history.at(-1), {
          ...after.history.at(-1),
          action: 'transition',
          fromStatus: from,
          toStatus: to,
          rationale: `from ${from} to ${to}`,
        });
        allowed++;
      } else {
        assert.equal(res.status, 409, `${from} -> ${to} is refused`);
        assert.equal(await version(incidentId), v);
        const row = await deps.db
          .selectFrom('incidents')
          .select('status')
          .where('id', '=', incidentId)
          .executeTakeFirstOrThrow();
        assert.equal(row.status, from);
        refused++;
      }
    }
  }
  // 8 statuses: 64 pairs, of which 9 may be requested (appeals and their decisions never are).
  assert.equal(allowed, 9);
  assert.equal(refused, 55);
});

test('a proposed ruling carries its outcome; a violation cites a provision and the responsible party', async () => {
  const { incidentId } = await newIncident();
  await forceStatus(incidentId, 'investigating');
  const call = (body: Record<string, unknown>) =>
    un.client.call('transitionIncident', {
      params: { id: incidentId },
      body: { to: 'ruling_proposed', rationale: 'evidence gathered', ...body },
    });
  const fieldOf = (e: unknown) => (e instanceof ApiError && e.status === 400 ? e.problem.errors?.[0]?.path : undefined);
  await assert.rejects(call({}), (e) => fieldOf(e) === 'outcome');
  await assert.rejects(
    call({ outcome: 'violation', responsiblePartyId: israelId }),
    (e) => fieldOf(e) === 'provisionId',
  );
  await assert.rejects(
    call({ outcome: 'violation', provisionId: randomUUID() }),
    (e) => fieldOf(e) === 'responsiblePartyId',
  );
  await assert.rejects(
    call({ outcome: 'violation', provisionId: randomUUID(), responsiblePartyId: randomUUID() }),
    (e) => fieldOf(e) === 'responsiblePartyId',
  );
  assert.equal(await version(incidentId), 1);
  const provisionId = randomUUID();
  const proposed = await call({ outcome: 'violation', provisionId, responsiblePartyId: israelId });
  assert.equal(proposed.status, 'ruling_proposed');
  assert.equal(proposed.outcome, 'violation');
  assert.equal(proposed.provisionId, provisionId);
  assert.equal(proposed.responsiblePartyId, israelId);
  // `ruled` is never a plain request: only the quorum of approvals makes it.
  await assert.rejects(
    un.client.call('transitionIncident', { params: { id: incidentId }, body: { to: 'ruled', rationale: 'we agree' } }),
    (e: ApiError) => e.status === 409,
  );
  const row = await deps.db
    .selectFrom('incidents')
    .select(['provision_id', 'responsible_org_id', 'outcome', 'status', 'title', 'updated_at'])
    .where('id', '=', incidentId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    { ...row, updated_at: null },
    {
      provision_id: provisionId,
      responsible_org_id: israelId,
      outcome: 'violation',
      status: 'ruling_proposed',
      title: row.title,
      updated_at: null,
    },
  );
});

test('joint verification: ruled only when monitors of two distinct organisations approve; one vote per organisation', async () => {
  const { incidentId } = await newIncident();
  await forceStatus(incidentId, 'investigating');
  await un.client.call('transitionIncident', {
    params: { id: incidentId },
    body: { to: 'ruling_proposed', rationale: 'craters and fragments', outcome: 'insufficient_evidence' },
  });
  const first = await un.client.call('reviewRuling', {
    params: { id: incidentId },
    body: { decision: 'approve', note: 'seen on site' },
  });
  assert.equal(first.status, 'ruling_proposed');
  assert.equal(first.approvals.length, 1);
  assert.equal(first.quorum, 2);
  // A second monitor of the same organisation does not make a quorum: the UN has voted.
  await assert.rejects(
    un.client.call('reviewRuling', { params: { id: incidentId }, body: { decision: 'approve', note: 'again' } }),
    (e: ApiError) => e.status === 409,
  );
  const observer = await signInAs(server.url, 'observer.ps@truce.example');
  await assert.rejects(
    observer.client.call('reviewRuling', { params: { id: incidentId }, body: { decision: 'approve', note: '' } }),
    (e: ApiError) => e.status === 403,
  );
  const ruled = await eu.client.call('reviewRuling', {
    params: { id: incidentId },
    body: { decision: 'approve', note: 'agreed' },
  });
  assert.equal(ruled.status, 'ruled');
  assert.equal(ruled.outcome, 'insufficient_evidence');
  const actions = ruled.history.map((h) => `${h.action}:${h.actorOrganisationName ?? ''}`);
  assert.deepEqual(actions.slice(-4), [
    'transition:United Nations',
    'approve:United Nations',
    'approve:EUBAM Rafah',
    'transition:EUBAM Rafah',
  ]);
  await assert.rejects(
    eu.client.call('reviewRuling', { params: { id: incidentId }, body: { decision: 'approve', note: 'late' } }),
    (e: ApiError) => e.status === 409,
  );
  const published = await coordinator.client.call('transitionIncident', {
    params: { id: incidentId },
    body: { to: 'published', rationale: 'released to the parties' },
  });
  assert.equal(published.status, 'published');
  assert.equal(published.outcome, 'insufficient_evidence');
});

test('a contested proposal goes back to investigation with the reason kept; a new proposal starts a new round', async () => {
  const { incidentId } = await newIncident();
  await forceStatus(incidentId, 'investigating');
  await un.client.call('transitionIncident', {
    params: { id: incidentId },
    body: { to: 'ruling_proposed', rationale: 'p1', outcome: 'no_violation' },
  });
  await un.client.call('reviewRuling', { params: { id: incidentId }, body: { decision: 'approve', note: '' } });
  await assert.rejects(
    eu.client.call('reviewRuling', { params: { id: incidentId }, body: { decision: 'contest', note: '' } }),
    (e: ApiError) => e.status === 400,
  );
  const contested = await eu.client.call('reviewRuling', {
    params: { id: incidentId },
    body: { decision: 'contest', note: 'the crater is older than the ceasefire' },
  });
  assert.equal(contested.status, 'investigating');
  assert.equal(contested.outcome, null);
  const contest = contested.history.find((h) => h.action === 'contest');
  assert.equal(contest?.rationale, 'the crater is older than the ceasefire');
  assert.equal(contest?.actorOrganisationName, 'EUBAM Rafah');
  await un.client.call('transitionIncident', {
    params: { id: incidentId },
    body: { to: 'ruling_proposed', rationale: 'p2', outcome: 'access_denied' },
  });
  // The UN's approval of round 1 does not count for round 2.
  const r2 = await eu.client.call('reviewRuling', {
    params: { id: incidentId },
    body: { decision: 'approve', note: '' },
  });
  assert.equal(r2.status, 'ruling_proposed');
  assert.equal(r2.approvals.length, 1);
  const done = await un.client.call('reviewRuling', {
    params: { id: incidentId },
    body: { decision: 'approve', note: '' },
  });
  assert.equal(done.status, 'ruled');
  assert.equal(done.outcome, 'access_denied');
});

test('who works on an incident is visible; monitors take work for their own organisation only', async () => {
  const { incidentId } = await newIncident();
  const users = await deps.db.selectFrom('users').select(['id', 'email']).execute();
  const id = (email: string) => users.find((u) => u.email === email)!.id;
  const taken = await un.client.call('assignIncident', {
    params: { id: incidentId },
    body: { assigneeUserId: id('monitor.un@truce.example'), note: 'on my way' },
  });
  assert.equal(taken.assigneeName, 'Demo Monitor (UN)');
  await assert.rejects(
    un.client.call('assignIncident', {
      params: { id: incidentId },
      body: { assigneeUserId: id('monitor.eu@truce.example'), note: '' },
    }),
    (e: ApiError) => e.status === 403,
  );
  const handed = await coordinator.client.call('assignIncident', {
    params: { id: incidentId },
    body: { assigneeUserId: id('monitor.eu@truce.example'), note: 'EUBAM is closer' },
  });
  assert.equal(handed.assigneeUserId, id('monitor.eu@truce.example'));
  assert.deepEqual(
    handed.history.filter((h) => h.action === 'assign').map((h) => h.rationale),
    ['on my way', 'EUBAM is closer'],
  );
  const listed = await un.client.call('listIncidents', { query: {} });
  assert.equal(listed.items.find((i) => i.id === incidentId)?.assigneeName, 'Demo Monitor (EUBAM)');
});

test('merge folds incidents and their reports into one; split takes reports out again; both histories kept', async () => {
  const a = await newIncident([34.35, 31.42]);
  const b = await newIncident([34.3, 31.345]);
  const merged = await un.client.call('mergeIncidents', {
    params: { id: a.incidentId },
    body: { incidentIds: [b.incidentId], rationale: 'same strike, two reports' },
  });
  assert.equal(merged.reportCount, 2);
  assert.deepEqual(merged.reports.map((r) => r.id).sort(), [a.reportId, b.reportId].sort());
  const gone = await un.client.call('getIncident', { params: { id: b.incidentId } });
  assert.equal(gone.mergedInto, a.incidentId);
  assert.equal(gone.reportCount, 0);
  assert.equal(gone.history.at(-1)?.action, 'merge');
  assert.equal(gone.history[0]?.action, 'create');
  const list = await un.client.call('listIncidents', { query: {} });
  assert.ok(!list.items.some((i) => i.id === b.incidentId), 'a merged incident is not listed');
  await assert.rejects(
    un.client.call('transitionIncident', { params: { id: b.incidentId }, body: { to: 'preliminary', rationale: 'x' } }),
    (e: ApiError) => e.status === 409,
  );
  await assert.rejects(
    un.client.call('mergeIncidents', {
      params: { id: a.incidentId },
      body: { incidentIds: [a.incidentId], rationale: 'x' },
    }),
    (e: ApiError) => e.status === 400,
  );

  await assert.rejects(
    un.client.call('splitIncident', {
      params: { id: a.incidentId },
      body: { reportIds: [a.reportId, b.reportId], rationale: 'all' },
    }),
    (e: ApiError) => e.status === 400,
  );
  await assert.rejects(
    un.client.call('splitIncident', {
      params: { id: a.incidentId },
      body: { reportIds: [randomUUID()], rationale: 'x' },
    }),
    (e: ApiError) => e.status === 400,
  );
  const split = await un.client.call('splitIncident', {
    params: { id: a.incidentId },
    body: { reportIds: [b.reportId], rationale: 'different places after all' },
  });
  assert.notEqual(split.id, a.incidentId);
  assert.equal(split.status, 'alleged');
  assert.deepEqual(
    split.reports.map((r) => r.id),
    [b.reportId],
  );
  assert.equal(split.history[0]?.relatedIncidentId, a.incidentId);
  const left = await un.client.call('getIncident', { params: { id: a.incidentId } });
  assert.equal(left.reportCount, 1);
  assert.deepEqual(
    left.history.map((h) => h.action),
    ['create', 'merge', 'split'],
  );
  // Every change entered the record: the moved report has three versions (create, merge, split).
  const changes = await deps.db
    .selectFrom('record_changes')
    .select(['version', 'op'])
    .where('record_kind', '=', 'report')
    .where('record_id', '=', b.reportId)
    .orderBy('version')
    .execute();
  assert.deepEqual(
    changes.map((c) => c.op),
    ['create', 'merge', 'split'],
  );
});
