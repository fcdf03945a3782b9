/**
 * The record of changes: a change too large for one log entry is refused inside the writer's
 * transaction (so the sequencer never meets a leaf it cannot log), and nothing is stored.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, testDeps, type TestDatabase } from '../support/db.ts';
import { writeWithLog } from '../../src/services/write.ts';
import { ServiceError } from '../../src/services/errors.ts';
import { testKind } from '../support/kinds.ts';

let tdb: TestDatabase;

before(async () => {
  tdb = await openTestDatabase();
});
after(async () => {
  await tdb.close();
});

const count = async () =>
  Number(
    (
      await tdb.database.db
        .selectFrom('record_changes')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('a change over 64 KiB is refused with 413 and rolls back the whole write', async () => {
  const deps = testDeps(tdb.database);
  const before = await count();
  await assert.rejects(
    writeWithLog(deps, async (_tx, record) => {
      await record({
        kind: testKind('note'),
        id: 'small',
        version: 1,
        op: 'create',
        at: new Date(),
        actor: null,
        public: { text: 'fits' },
      });
      await record({
        kind: testKind('note'),
        id: 'big',
        version: 1,
        op: 'create',
        at: new Date(),
        actor: null,
        public: { text: 'x'.repeat(70_000) },
      });
    }),
    (err: unknown) => err instanceof ServiceError && err.status === 413 && /64 KiB/.test(err.message),
  );
  assert.equal(await count(), before, 'the small change of the same write was rolled back too');
  await writeWithLog(deps, async (_tx, record) => {
    await record({
      kind: testKind('note'),
      id: 'near-limit',
      version: 1,
      op: 'create',
      at: new Date(),
      actor: null,
      public: { text: 'x'.repeat(60_000) },
    });
  });
  assert.equal(await count(), before + 1);
});
