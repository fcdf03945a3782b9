/**
 * The browser imports the log library: nothing reachable from the web UI's verifier may import a
 * Node built-in or use Node's Buffer (Vite would bundle a stub, and the check would break only in
 * a browser). Walks the static imports from web/src/features/record/verify.ts.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const IMPORT = /^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;

function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [path.resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2]) as string;
      if (spec.startsWith('.')) queue.push(path.resolve(path.dirname(file), spec));
      else assert.fail(`${path.relative('.', file)} imports ${spec}, which the browser does not have`);
    }
  }
  return [...seen];
}

test('the web verifier reaches the library and the leaf format only, with no Node built-in or Buffer', () => {
  const files = reachable('web/src/features/record/verify.ts').map((f) => path.relative('.', f));
  assert.ok(
    files.includes('src/tlog/browser.ts') &&
      files.includes('src/tlog/proof-bundle.ts') &&
      files.includes('src/log/leaf.ts'),
    files.join(' '),
  );
  assert.ok(!files.some((f) => f.startsWith('src/tlog/node')), 'no Node adapter in the browser');
  for (const f of files)
    assert.doesNotMatch(fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''), /\bBuffer\b/, f);
});

test('the library itself imports node:crypto only in its Node adapter', () => {
  for (const name of fs.readdirSync('src/tlog')) {
    const text = fs.readFileSync(path.join('src/tlog', name), 'utf8');
    if (name.startsWith('node')) continue;
    assert.doesNotMatch(text, /from 'node:/, name);
  }
});
