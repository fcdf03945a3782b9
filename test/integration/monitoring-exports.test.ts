/**
 * Incident exports: ACLED columns with an HXL row, and GeoJSON; list filters apply; a party's
 * export is redacted as its screen is (points to ~1 km, no monitor names).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { signInAs, type TestServer } from '../support/server.ts';
import { openTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
let server: TestServer;

before(async () => {
  api = await openTestApi();
  server = api.server;
});
after(async () => {
  await api.close();
});

async function csvAs(
  email: string,
  query = '',
): Promise<{ header: string[]; hxl: string[]; rows: Record<string, string>[]; text: string }> {
  const { cookie } = await signInAs(server.url, email);
  const res = await fetch(`${server.url}/api/exports/incidents.csv${query}`, { headers: { cookie } });
  assert.equal(res.status, 200);
  const text = await res.text();
  const records: string[][] = parse(text);
  const [header, hxl, ...rest] = records;
  return {
    header: header!,
    hxl: hxl!,
    rows: rest.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))),
    text,
  };
}

const decimals = (v: string) => (v.split('.')[1] ?? '').length;

test('a coordinator exports every incident with ACLED columns, an HXL row and exact points', async () => {
  const { header, hxl, rows } = await csvAs('coordinator@truce.example');
  for (const column of [
    'event_id_cnty',
    'event_date',
    'event_type',
    'sub_event_type',
    'admin2',
    'latitude',
    'longitude',
    'geo_precision',
  ])
    assert.ok(header.includes(column), column);
  assert.equal(hxl[header.indexOf('latitude')], '#geo+lat');
  const { client } = await signInAs(server.url, 'coordinator@truce.example');
  assert.equal(rows.length, (await client.call('listIncidents', { query: {} })).items.length);
  assert.ok(
    rows.some((r) => decimals(r.latitude!) > 2),
    'exact points for the team',
  );
  assert.ok(rows.every((r) => ['Gaza', 'North Gaza', 'Deir Al Balah', 'Khan Yunis', 'Rafah'].includes(r.admin2!)));
  // What a ruling found: the provision it cites by reference and title, beside its id and the party.
  const cited = rows.filter((r) => r.provision_id !== '');
  assert.ok(cited.length > 0, 'the demo has rulings citing a provision');
  const provisions = (await client.call('listProvisions', {})).items;
  for (const r of cited) {
    const p = provisions.find((x) => x.id === r.provision_id)!;
    assert.equal(r.provision, `${p.reference} ${p.title}`);
    assert.notEqual(r.responsible_party, '');
  }
});

test("a party observer's export is coarsened: ~1 km points, no monitor names", async () => {
  const { rows, text } = await csvAs('observer.il@truce.example');
  assert.ok(rows.length > 0);
  assert.ok(
    rows.every((r) => decimals(r.latitude!) <= 2 && decimals(r.longitude!) <= 2),
    'points rounded to 0.01°',
  );
  assert.ok(rows.every((r) => r.geo_precision === '2'));
  assert.doesNotMatch(text, /Demo Monitor/);
});

test('filters apply, and GeoJSON carries the same incidents', async () => {
  const { rows } = await csvAs('monitor.un@truce.example', '?outcome=violation');
  assert.ok(rows.length >= 1);
  assert.ok(rows.every((r) => r.outcome === 'violation'));
  const { cookie } = await signInAs(server.url, 'monitor.un@truce.example');
  const res = await fetch(`${server.url}/api/exports/incidents.geojson?outcome=violation`, { headers: { cookie } });
  assert.match(res.headers.get('content-type') ?? '', /application\/geo\+json/);
  const fc = (await res.json()) as { type: string; features: { id: string; geometry: { type: string } }[] };
  assert.equal(fc.type, 'FeatureCollection');
  assert.deepEqual(fc.features.map((f) => f.id).sort(), rows.map((r) => r.event_id_cnty).sort());
  assert.ok(fc.features.every((f) => f.geometry.type === 'Point'));
  const bad = await fetch(`${server.url}/api/exports/incidents.csv?outcome=maybe`, { headers: { cookie } });
  assert.equal(bad.status, 400);
});
