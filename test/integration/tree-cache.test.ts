/**
 * Two logs in one process (tests, benchmarks, a witness beside a log): the caches of immutable
 * tiles and bundles are per database, so one log's tile never answers for the other's.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, silentLogger, testDeps, type TestDatabase } from '../support/db.ts';
import { Sequencer } from '../../src/log/sequencer.ts';
import { loadOrCreateLogKey, type LogKey } from '../../src/log/keys.ts';
import { readEntry, readHashTile } from '../../src/log/tree-store.ts';
import { writeWithLog } from '../../src/services/write.ts';
import { systemClock } from '../../src/adapters/clock.ts';
import {
  inclusionProofFromTiles,
  leafHash,
  openCheckpoint,
  parseVerifierKey,
  verifyInclusion,
} from '../../src/tlog/node.ts';
import { testKind } from '../support/kinds.ts';

interface Log {
  tdb: TestDatabase;
  key: LogKey;
}
const logs: Log[] = [];

before(async () => {
  for (const name of ['a', 'b']) {
    const tdb = await openTestDatabase();
    const key = await loadOrCreateLogKey(tdb.database.db, `truce.test/${name}`, new Date());
    const sequencer = new Sequencer(tdb.database.db, key, `truce.test/${name}`, systemClock, silentLogger);
    await sequencer.init();
    const deps = { ...testDeps(tdb.database), log: sequencer };
    await writeWithLog(deps, async (_tx, record) => {
      for (let i = 0; i < 300; i++)
        await record({
          kind: testKind('note'),
          id: `${name}${i}`,
          version: 1,
          op: 'create',
          at: new Date(),
          actor: null,
          public: { log: name, i },
        });
    });
    logs.push({ tdb, key });
  }
});
after(async () => {
  for (const l of logs) await l.tdb.close();
});

test('each log answers with its own entries and tiles, proofs verifying against its own checkpoint', async () => {
  for (let round = 0; round < 2; round++) {
    for (const { tdb, key } of logs) {
      const db = tdb.database.db;
      const head = await db.selectFrom('log_state').select(['checkpoint']).executeTakeFirstOrThrow();
      const { checkpoint } = openCheckpoint(head.checkpoint, [parseVerifierKey(key.verifierKey)]);
      const entry = (await readEntry(db, 7))!;
      assert.match(new TextDecoder().decode(entry), new RegExp(`"log":"${key.signer.name.slice(-1)}"`));
      const proof = await inclusionProofFromTiles(
        7,
        checkpoint.size,
        async (l, n, w) => (await readHashTile(db, l, n, w))!,
      );
      assert.ok(
        verifyInclusion(leafHash(entry), 7, checkpoint.size, proof, checkpoint.root),
        `round ${round}, ${key.signer.name}`,
      );
    }
  }
});
