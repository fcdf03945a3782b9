/**
 * The web UI's feature list: page labels are translation keys (a typed key would make the
 * messages' type depend on itself), so this checks each one names a message in every language.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { featureSource, listedFeatures, WEB_SRC, webPagePaths } from '../support/web-features.ts';

const LANGS = ['en', 'fr', 'ar', 'he'] as const;
const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(WEB_SRC, file), 'utf8'));

function messages(lang: (typeof LANGS)[number]): Record<string, unknown> {
  const all: Record<string, unknown> = { ...(read(`i18n/${lang}.json`) as object) };
  for (const name of listedFeatures()) {
    const key = /translations\(\{ key: '(\w+)'/.exec(featureSource(name))?.[1];
    if (key) all[key] = read(`features/${name}/i18n/${lang}.json`);
  }
  return all;
}

function lookup(tree: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

test('every feature in the list has a definition, and pages have distinct ids and paths', () => {
  const names = listedFeatures();
  assert.ok(names.length >= 8);
  const ids = names.flatMap((name) => {
    assert.match(featureSource(name), /defineFeature\(/, name);
    return [...featureSource(name).matchAll(/id: '([^']+)'/g)].map((m) => m[1]!);
  });
  assert.equal(new Set(ids).size, ids.length);
  const paths = webPagePaths();
  assert.equal(new Set(paths).size, paths.length);
  assert.equal(paths[0], '/');
});

test("every page's label is a message in every language", () => {
  for (const lang of LANGS) {
    const all = messages(lang);
    for (const name of listedFeatures()) {
      for (const [, label] of featureSource(name).matchAll(/label: '([^']+)'/g)) {
        assert.equal(typeof lookup(all, label!), 'string', `${name}: ${label} in ${lang}`);
      }
    }
  }
});
