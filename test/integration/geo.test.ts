/**
 * Sectors and control lines through the API on both engines: the demo's five governorates and
 * yellow line, drawing a sector, moving a line (history kept), roles, bad input, and the log.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestApi, type TestApi } from '../support/api.ts';
import { makeSignedIn } from '../support/factories.ts';
import type { Role } from '../../src/contract/enums.ts';
import { ApiError } from '../../src/contract/client.ts';
import { placePoint } from '../../src/services/geo.ts';

let api: TestApi;
/** Signs in a new account of `role`: these tests depend on the role, not on a demo identity. */
const as = (role: Role) => makeSignedIn(api.deps, api.server.url, role);

before(async () => {
  api = await openTestApi();
});
after(async () => {
  await api.close();
});

const square = (lon: number, lat: number, d = 0.01) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ] as [number, number][],
  ],
});

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  assert.fail('expected the API to reject the request');
}

test('the demo has the five governorates, named, with outlines and areas', async () => {
  const { client } = await as('observer');
  const { items } = await client.call('listSectors', {});
  assert.deepEqual(
    items.map((s) => s.name),
    ['Deir Al Balah', 'Gaza', 'Khan Yunis', 'North Gaza', 'Rafah'],
  );
  for (const s of items) {
    assert.equal(s.geometry.type, 'Polygon');
    assert.ok(s.areaKm2 > 20 && s.areaKm2 < 150, `${s.name}: ${s.areaKm2}`);
    assert.match(s.geometrySha256, /^[0-9a-f]{64}$/);
  }
  const one = await client.call('getSector', { params: { id: items[0]!.id } });
  assert.equal(one.name, items[0]!.name);
});

test('points are placed in their sector and on their side of the line valid at the time', async () => {
  const db = api.deps.db;
  const inRafah = await placePoint(db, [34.25, 31.29], new Date('2025-10-15T00:00:00Z'));
  const sectors = await db.selectFrom('sectors').select(['id', 'name']).execute();
  assert.equal(sectors.find((s) => s.id === inRafah.sectorId)?.name, 'Rafah');
  assert.equal(inRafah.side, 'held');
  const gazaCity = await placePoint(db, [34.46, 31.515], new Date('2025-10-15T00:00:00Z'));
  assert.equal(sectors.find((s) => s.id === gazaCity.sectorId)?.name, 'Gaza');
  assert.equal(gazaCity.side, 'released');
  assert.equal(
    (await placePoint(db, [34.6, 31.4], new Date('2025-10-15T00:00:00Z'))).sectorId,
    null,
    'outside the mission area',
  );
  const beforeLine = await placePoint(db, [34.25, 31.29], new Date('2025-10-01T00:00:00Z'));
  assert.equal(beforeLine.side, null, 'no line before 10 October');
});

test('the yellow line keeps its history: two versions, the first closed where the second starts', async () => {
  const { client } = await as('observer');
  const all = (await client.call('listControlLines', { query: {} })).items;
  assert.equal(all.length, 2);
  const [v1, v2] = all;
  assert.equal(v1!.lineVersion, 1);
  assert.equal(v2!.lineVersion, 2);
  assert.equal(v1!.validTo, v2!.validFrom);
  assert.equal(v1!.version, 2, 'closing the first version is a logged change of it');
  assert.ok(v2!.heldAreaKm2! > v1!.heldAreaKm2!);
  const atStart = (await client.call('listControlLines', { query: { at: '2025-10-12T00:00:00Z' } })).items;
  assert.deepEqual(
    atStart.map((l) => l.lineVersion),
    [1],
  );
  const later = (await client.call('listControlLines', { query: { at: '2025-12-01T00:00:00+02:00' } })).items;
  assert.deepEqual(
    later.map((l) => l.lineVersion),
    [2],
  );
});

test('a coordinator draws a sector; it is logged and the name is unique', async () => {
  const { client } = await as('coordinator');
  const written = await client.call('createSector', { body: { name: 'Test corridor', geometry: square(34.3, 31.3) } });
  assert.equal(written.name, 'Test corridor');
  assert.ok('logIndex' in written);
  const dup = await rejection(
    client.call('createSector', { body: { name: 'Test corridor', geometry: square(34.31, 31.31) } }),
  );
  assert.equal(dup.status, 409);
});

test('monitors and observers may not draw sectors or move lines', async () => {
  for (const role of ['monitor', 'observer', 'liaison'] as const) {
    const { client } = await as(role);
    const err = await rejection(
      client.call('createSector', { body: { name: `Not allowed ${role}`, geometry: square(34.3, 31.3) } }),
    );
    assert.equal(err.status, 403);
  }
});

test('bad geometry is rejected naming the field, and nothing is stored', async () => {
  const { client } = await as('coordinator');
  const before = await api.deps.db.selectFrom('sectors').select('id').execute();
  const open = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [34.3, 31.3],
        [34.31, 31.3],
        [34.31, 31.31],
        [34.3, 31.31],
      ] as [number, number][],
    ],
  };
  const e1 = await rejection(client.call('createSector', { body: { name: 'Open ring', geometry: open } }));
  assert.equal(e1.status, 400);
  assert.ok(
    e1.problem.errors?.some((e) => e.path.startsWith('body.geometry')),
    JSON.stringify(e1.problem),
  );
  const e2 = await rejection(
    client.call('createSector', { body: { name: 'Off the globe', geometry: square(190, 31.3) } }),
  );
  assert.equal(e2.status, 400);
  const after = await api.deps.db.selectFrom('sectors').select('id').execute();
  assert.equal(after.length, before.length);
});

test('moving a line: a new version closes the current one; an earlier start is refused', async () => {
  const { client } = await as('coordinator');
  const [, current] = (await client.call('listControlLines', { query: {} })).items;
  const moved = await client.call('createControlLineVersion', {
    body: {
      lineId: current!.lineId,
      name: current!.name,
      geometry: current!.geometry,
      heldArea: current!.heldArea,
      heldByOrganisationId: current!.heldByOrganisationId,
      validFrom: '2026-01-15T10:00:00Z',
      source: 'Patrol survey (test)',
    },
  });
  assert.equal(moved.lineVersion, 3);
  assert.ok('logIndex' in moved);
  const all = (await client.call('listControlLines', { query: {} })).items;
  assert.equal(all.find((l) => l.id === current!.id)?.validTo, '2026-01-15T10:00:00.000Z');
  const early = await rejection(
    client.call('createControlLineVersion', {
      body: {
        lineId: current!.lineId,
        name: current!.name,
        geometry: current!.geometry,
        validFrom: '2025-01-01T00:00:00Z',
        source: 'Backdated',
      },
    }),
  );
  assert.equal(early.status, 400);
  assert.ok(early.problem.errors?.some((e) => e.path === 'validFrom'));
  assert.equal((await client.call('listControlLines', { query: {} })).items.length, all.length, 'nothing stored');
});
