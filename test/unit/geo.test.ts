/** Pure geometry: the reference points of the governorates, control-line sides, digests. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { areaKm2, bboxOf, containsPoint, geometryDigest, sideOfLine, type Area } from '../../src/domain/geo.ts';

const governorates = JSON.parse(fs.readFileSync('src/demo/gaza-governorates.geojson', 'utf8')) as FeatureCollection<
  Area,
  { name: string }
>;
const named = (n: string) => governorates.features.find((f) => f.properties.name === n)!.geometry;
const yellow = JSON.parse(fs.readFileSync('src/demo/yellow-line.json', 'utf8')) as { versions: { held: Area }[] };

test('the reference points fall in the right governorate and only there', () => {
  const cases: [number, number, string][] = [
    [34.46, 31.515, 'Gaza'],
    [34.3, 31.345, 'Khan Yunis'],
    [34.25, 31.29, 'Rafah'],
  ];
  for (const [lon, lat, name] of cases) {
    const hits = governorates.features
      .filter((f) => containsPoint(f.geometry, [lon, lat]))
      .map((f) => f.properties.name);
    assert.deepEqual(hits, [name]);
  }
  assert.equal(
    governorates.features.some((f) => containsPoint(f.geometry, [34.6, 31.4])),
    false,
    'a point in Israel is in no sector',
  );
});

test('the five governorates cover about 365 km²', () => {
  const total = governorates.features.reduce((s, f) => s + areaKm2(f.geometry), 0);
  assert.ok(Math.abs(total - 365) < 3, `total ${total}`);
});

test('a bounding box encloses its polygon', () => {
  const box = bboxOf(named('Rafah'));
  assert.ok(box.minLon < 34.25 && box.maxLon > 34.25 && box.minLat < 31.29 && box.maxLat > 31.29);
  assert.ok(box.minLon >= 34.2 && box.maxLat <= 31.4);
});

test('sides of the illustrative yellow line: east is held, the coast released, no line no side', () => {
  const held = yellow.versions[0]!.held;
  assert.equal(sideOfLine(held, [34.25, 31.29]), 'held', 'Rafah is behind the line');
  assert.equal(sideOfLine(held, [34.44, 31.52]), 'released', 'Gaza City is not');
  assert.equal(sideOfLine(null, [34.44, 31.52]), null);
});

test('the second version of the line holds more: the line moved west', () => {
  const [v1, v2] = yellow.versions.map((v) => areaKm2(v.held));
  assert.ok(v2! > v1! + 1, `${v1} -> ${v2}`);
});

test('geometry digests ignore key order and change with any coordinate', () => {
  const a = { type: 'Point', coordinates: [34.1, 31.2] };
  const b = { coordinates: [34.1, 31.2], type: 'Point' };
  assert.equal(geometryDigest(a), geometryDigest(b));
  assert.notEqual(geometryDigest(a), geometryDigest({ type: 'Point', coordinates: [34.1, 31.20001] }));
  assert.match(geometryDigest(a), /^[0-9a-f]{64}$/);
});
