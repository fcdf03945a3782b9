/**
 * The witness as the parties would run it: `truce witness serve` as its own process with its own
 * database, and `truce serve` configured with TRUCE_WITNESSES publishing only the checkpoint the
 * witness cosigned. Runs against each engine for the log server.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyPgliteTemplate, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { dbEnv, runCli, TRUCE_BIN } from '../support/cli.ts';
import { startChildServer } from '../support/child-server.ts';
import { freePort } from '../../scripts/temp-postgres.ts';
import {
  formatCosignerKey,
  generateSignerKey,
  openCosignatures,
  openNote,
  parseCheckpoint,
  parseCosignerKey,
  parseKeyString,
  parseNote,
  parseVerifierKey,
} from '../../src/tlog/node.ts';

const parseVerifierKeyBytes = (vkey: string) => parseKeyString(vkey).key;

let tdb: TestDatabase;
let witnessDir: string;
let witness: ChildProcess | undefined;

before(async () => {
  tdb = await openTestDatabase({ migrate: false });
  if (tdb.database.engine === 'pglite') await tdb.database.close();
  witnessDir = fs.mkdtempSync(path.join(os.tmpdir(), 'truce-witness-'));
  // An empty database, copied: the witness process skips PGlite's initdb (about 13 s of CPU).
  await copyPgliteTemplate(witnessDir, 'empty');
});
after(async () => {
  witness?.kill('SIGTERM');
  await tdb.close();
  fs.rmSync(witnessDir, { recursive: true, force: true });
});

async function startWitnessProcess(logVkey: string): Promise<{ url: string; cosignerKey: string }> {
  const port = await freePort();
  const { DATABASE_URL: _drop, ...base } = process.env;
  witness = spawn(
    process.execPath,
    [
      TRUCE_BIN,
      'witness',
      'serve',
      '--port',
      String(port),
      '--data-dir',
      witnessDir,
      '--log-vkey',
      logVkey,
      '--name',
      'witness.test/observer',
    ],
    { env: base },
  );
  let out = '';
  witness.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  witness.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 180_000; // as long as a child server may take (support/child-server.ts), for a loaded machine
  while (!/cosigner key: (\S+)/.test(out)) {
    if (witness.exitCode !== null || Date.now() > deadline) throw new Error(`witness did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: /running at (\S+)/.exec(out)![1]!, cosignerKey: /cosigner key: (\S+)/.exec(out)![1]! };
}

test('a server configured with a witness publishes the checkpoint the witness cosigned', async () => {
  const logKey = await runCli(['log', 'key'], dbEnv(tdb));
  assert.equal(logKey.code, 0, logKey.stderr);
  const vkey = logKey.stdout.trim();
  const w = await startWitnessProcess(vkey);

  const keyAgain = await runCli(['witness', 'key', '--name', 'witness.test/observer', '--data-dir', witnessDir], {});
  assert.notEqual(keyAgain.code, 0, 'the running witness holds its embedded database');

  const server = await startChildServer({
    ...dbEnv(tdb),
    TRUCE_DEMO: '1',
    TRUCE_WITNESSES: `${w.cosignerKey}@${w.url}`,
    TRUCE_WITNESS_QUORUM: '1',
  });
  try {
    let published = '';
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await fetch(`${server.url}/log/checkpoint`);
      if (res.status === 200) {
        published = await res.text();
        if (parseCheckpoint(parseNote(published).text).size > 0) break;
      }
      if (Date.now() > deadline) throw new Error(`no cosigned checkpoint published: ${res.status}\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    openNote(published, [parseVerifierKey(vkey)]);
    assert.equal(openCosignatures(parseNote(published), [parseCosignerKey(w.cosignerKey)]).length, 1);

    // A party checks the log with the witness it trusts; a witness that never cosigned fails it.
    const ok = await runCli(['verify', '--url', server.url, '--vkey', vkey, '--witness', w.cosignerKey], {});
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /cosigned by 1 of 1 trusted witnesses/);
    const stranger = generateSignerKey('witness.test/stranger');
    const strangerKey = formatCosignerKey('witness.test/stranger', parseVerifierKeyBytes(stranger.vkey));
    const bad = await runCli(['verify', '--url', server.url, '--vkey', vkey, '--witness', strangerKey], {});
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /cosigned by 0 of the witnesses you trust/);
  } finally {
    assert.equal(await server.stop('SIGTERM'), 0);
  }
});

test('a bad witness list is a clear configuration error', async () => {
  const r = await runCli(['serve'], { ...dbEnv(tdb), TRUCE_WITNESSES: 'not-a-key@http://127.0.0.1:1' });
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /TRUCE_WITNESSES/);
});
