/**
 * One RFC 8785 canonicaliser (src/tlog) for leaves, commitments and geometry digests (issue 11).
 * Whoever checks a commitment must reproduce it byte for byte, so the kept canonicaliser is
 * checked against what is stored, not only against published vectors:
 * - the demo loaded now: every commitment reopens from its stored opening (salt and value as the
 *   database gives them back), every geometry digest is recomputed from the stored geometry,
 *   every leaf is its own canonical JSON;
 * - the demo as the code before issue 11 stored it (commitments and digests by the `canonicalize`
 *   package, fixtures/demo-stored-before-issue-11.json): the same checks, and the digests of the
 *   same demo geometries must not have changed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openTestDatabase, silentLogger, testDeps, type TestDatabase } from '../support/db.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { Sequencer } from '../../src/log/sequencer.ts';
import { loadOrCreateLogKey } from '../../src/log/keys.ts';
import { readEntry } from '../../src/log/tree-store.ts';
import { ACTOR_SECRET_FIELD, decodeLeaf, type Leaf } from '../../src/log/leaf.ts';
import { systemClock } from '../../src/adapters/clock.ts';
import { commitment, type ChangePayload, type JsonValue } from '../../src/services/records.ts';
import { geometryDigest } from '../../src/domain/geo.ts';
import { canonicalJson } from '../../src/tlog/node.ts';

interface StoredBefore {
  leaves: string[];
  openings: { leaf: number; field: string; salt: string; value: JsonValue }[];
  geometryDigests: { record: string; field: string; sha256: string }[];
}
const before11 = JSON.parse(
  readFileSync(new URL('./fixtures/demo-stored-before-issue-11.json', import.meta.url), 'utf8'),
) as StoredBefore;

const ORIGIN = 'truce.test/canonical';
let tdb: TestDatabase;

before(async () => {
  tdb = await openTestDatabase();
  const key = await loadOrCreateLogKey(tdb.database.db, ORIGIN, new Date());
  const sequencer = new Sequencer(tdb.database.db, key, ORIGIN, systemClock, silentLogger);
  await sequencer.init();
  await seedDemo({ ...testDeps(tdb.database), log: sequencer });
  while ((await sequencer.integrateOnce()) > 0);
});
after(async () => {
  await tdb.close();
});

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The commitment a leaf carries for a field: the actor's (v2 `user`) or a restricted field's. */
function committed(leaf: Leaf, field: string): string | null | undefined {
  return field === ACTOR_SECRET_FIELD ? leaf.user : leaf.commitments[field];
}

async function storedLeaves(): Promise<Uint8Array[]> {
  const leaves: Uint8Array[] = [];
  for (let i = 0; ; i++) {
    const entry = await readEntry(tdb.database.db, i);
    if (entry === undefined) return leaves;
    leaves.push(entry);
  }
}

test('every leaf stored for the demo is, byte for byte, the canonical JSON of itself', async () => {
  const leaves = await storedLeaves();
  const changes = await tdb.database.db
    .selectFrom('record_changes')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(leaves.length, Number(changes.n), 'every change of the demo is in the log');
  assert.ok(leaves.length > 100);
  for (const [i, bytes] of leaves.entries()) {
    const text = decoder.decode(bytes);
    assert.equal(canonicalJson(JSON.parse(text) as JsonValue), text, `leaf ${i}`);
  }
});

test('every commitment stored for the demo reopens from its stored salt and value, in the change row and in the leaf', async () => {
  const db = tdb.database.db;
  const rows = await db
    .selectFrom('record_secrets')
    .innerJoin('record_changes', 'record_changes.id', 'record_secrets.change_id')
    .select([
      'record_secrets.field',
      'record_secrets.salt',
      'record_secrets.value',
      'record_changes.payload',
      'record_changes.log_index',
      'record_changes.record_kind',
    ])
    .execute();
  const kinds = new Set<string>();
  let restricted = 0;
  for (const r of rows) {
    assert.notEqual(r.log_index, null);
    const entry = await readEntry(db, r.log_index as number);
    assert.ok(entry, `leaf ${String(r.log_index)}`);
    const leaf = decodeLeaf(entry);
    const reopened = commitment(r.salt, r.value as JsonValue);
    assert.equal(reopened, committed(leaf, r.field), `${r.record_kind} ${r.field} (leaf ${String(r.log_index)})`);
    if (r.field !== ACTOR_SECRET_FIELD) {
      restricted++;
      kinds.add(r.record_kind);
      assert.equal(
        reopened,
        (r.payload as ChangePayload).commitments[r.field],
        `${r.record_kind} ${r.field} in record_changes.payload`,
      );
    }
  }
  assert.ok(
    restricted > 50 && rows.length > restricted,
    `restricted openings ${restricted}, actor openings ${rows.length - restricted}`,
  );
  assert.ok(kinds.size >= 3, `restricted fields of several kinds: ${[...kinds].join(', ')}`);
  // Every commitment in a payload has its opening stored (none was left uncheckable above).
  const changes = await db.selectFrom('record_changes').select(['id', 'payload']).execute();
  const openings = new Set(rows.map((r) => r.field));
  for (const c of changes)
    for (const field of Object.keys((c.payload as ChangePayload).commitments)) assert.ok(openings.has(field), field);
});

/** Geometry digests of the demo's sectors and control lines by `kind/name@version`, recomputed from the stored geometries. */
async function recomputedDigests(): Promise<Map<string, string>> {
  const db = tdb.database.db;
  const changes = await db
    .selectFrom('record_changes')
    .select(['record_kind', 'record_id', 'version', 'payload'])
    .where('record_kind', 'in', ['sector', 'control_line'])
    .execute();
  const sectors = new Map((await db.selectFrom('sectors').selectAll().execute()).map((s) => [s.id, s]));
  const lines = new Map((await db.selectFrom('control_line_versions').selectAll().execute()).map((l) => [l.id, l]));
  const digests = new Map<string, string>();
  for (const c of changes) {
    const stored = (c.payload as ChangePayload).public;
    const name = typeof stored.name === 'string' ? stored.name : '';
    if (c.record_kind === 'sector') {
      const s = sectors.get(c.record_id);
      assert.ok(s, `sector ${name}`);
      if (s.version !== c.version) continue; // An older version's geometry is no longer stored.
      assert.equal(geometryDigest(s.geometry), stored.geometrySha256, `sector ${name}`);
      digests.set(`sector/${name}@${c.version}`, geometryDigest(s.geometry));
    } else {
      // A control line version's geometry never changes (closing it only sets valid_to).
      const l = lines.get(c.record_id);
      assert.ok(l, `control line ${name}`);
      assert.equal(geometryDigest(l.geometry), stored.geometrySha256, `control line ${name} v${l.version}`);
      assert.equal(
        l.held_area === null ? null : geometryDigest(l.held_area),
        stored.heldAreaSha256,
        `control line ${name} v${l.version} held area`,
      );
      digests.set(`control_line/${name}@${l.version}`, geometryDigest(l.geometry));
      if (l.held_area !== null) digests.set(`control_line/${name}@${l.version} held`, geometryDigest(l.held_area));
    }
  }
  return digests;
}

test('every geometry digest stored for the demo is recomputed from the stored geometry', async () => {
  const digests = await recomputedDigests();
  assert.ok([...digests.keys()].filter((k) => k.startsWith('sector/')).length >= 5);
  assert.ok([...digests.keys()].some((k) => k.startsWith('control_line/')));
});

test('the demo as stored before issue 11 (by the canonicalize package) reopens the same with the kept canonicaliser', async () => {
  const leaves = before11.leaves.map((b) => Buffer.from(b, 'base64'));
  for (const [i, bytes] of leaves.entries()) {
    const text = decoder.decode(bytes);
    assert.equal(canonicalJson(JSON.parse(text) as JsonValue), text, `stored leaf ${i}`);
  }
  assert.ok(before11.openings.length > 1000);
  for (const o of before11.openings) {
    const leaf = decodeLeaf(leaves[o.leaf] as Uint8Array);
    assert.equal(
      commitment(Buffer.from(o.salt, 'hex'), o.value),
      committed(leaf, o.field),
      `${leaf.kind} ${o.field} (stored leaf ${o.leaf})`,
    );
  }
  // The demo's geometries are data, so the digests the old canonicaliser stored must come out again.
  const now = await recomputedDigests();
  for (const d of before11.geometryDigests) {
    const key = d.field === 'heldAreaSha256' ? `${d.record} held` : d.record;
    assert.equal(now.get(key), d.sha256, `${key} as stored before issue 11`);
  }
});
