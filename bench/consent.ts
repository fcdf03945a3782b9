/**
 * @module The consent figure of `npm run bench`: the handover check with 500 decisions (half
 * admissions, half deployments, under rules for both kinds) and 5,000 answers, as a ratio to the
 * same check on the same plan before any decision or rule exists (measured in the same run).
 * Goal: at most 1.5x, so the consent gates cost the check little.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Deps } from '../src/services/deps.ts';
import { handoverCheck } from '../src/services/handover/check.ts';
import type { AnswerKind } from '../src/capabilities/consent/contract/enums.ts';
import { benchDeps, fill, FROM, median, TO } from './handover.ts';
import { record, type Bench } from './harness.ts';

const DECISIONS = 500;
const ANSWERS_PER_DECISION = 10; // 5,000 answers
const PARTIES = 5;

export async function fillConsentForProfile(db: Deps['db']): Promise<void> {
  const now = new Date();
  const parties = Array.from({ length: PARTIES }, (_, i) => ({
    id: randomUUID(),
    name: `Bench party ${i}`,
    kind: 'party' as const,
    country: null,
    parent_id: null,
    version: 1,
    created_at: now,
    updated_at: now,
  }));
  await db.insertInto('organisations').values(parties).execute();
  const partyIds = parties.map((p) => p.id);
  await db
    .insertInto('consent_rules')
    .values(
      (['admission', 'deployment'] as const).map((kind) => ({
        id: randomUUID(),
        kind,
        required_org_ids: JSON.stringify(partyIds),
        quorum: kind === 'admission' ? null : 3,
        illustrative: false,
        note: '',
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  const [contributions, deployments] = await Promise.all([
    db
      .selectFrom('contributions')
      .select('id')
      .orderBy('id')
      .limit(DECISIONS / 2)
      .execute(),
    db
      .selectFrom('deployments')
      .select('id')
      .orderBy('id')
      .limit(DECISIONS / 2)
      .execute(),
  ]);
  const day = 86_400_000;
  const decisions = [
    ...contributions.map((c) => ['admission', 'contribution', c.id] as const),
    ...deployments.map((d) => ['deployment', 'deployment', d.id] as const),
  ].map(([kind, subject, id], i) => ({
    id: randomUUID(),
    kind,
    title: `Bench ${kind} ${i}`,
    body: '',
    subjects: JSON.stringify([{ kind: subject, id }]),
    required_org_ids: JSON.stringify(partyIds),
    added_org_ids: JSON.stringify([]),
    quorum: kind === 'admission' ? null : 3,
    due_at: new Date(now.getTime() + ((i % 4) - 1) * 10 * day), // a quarter already due
    proposer_user_id: null,
    proposer_org_id: null,
    proposed_at: new Date(now.getTime() - 30 * day + i * 1000),
    cancelled_at: i % 50 === 0 ? new Date(now.getTime() - day) : null,
    version: 1,
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < decisions.length; i += 250)
    await db
      .insertInto('decisions')
      .values(decisions.slice(i, i + 250))
      .execute();
  // Each party answers twice (a first answer, then a change of mind on some decisions).
  const kinds: AnswerKind[] = ['consent', 'consent_with_conditions', 'abstention', 'objection', 'withdrawal'];
  const answers = decisions.flatMap((d, i) =>
    Array.from({ length: ANSWERS_PER_DECISION }, (_, k) => {
      const party = k % PARTIES;
      const second = k >= PARTIES;
      const answer: AnswerKind = second ? kinds[(i + party) % kinds.length]! : kinds[(i * 7 + party) % 2]!;
      return {
        id: randomUUID(),
        decision_id: d.id,
        decision_version: 1,
        organisation_id: partyIds[party]!,
        user_id: null,
        answer: second && answer === 'withdrawal' ? 'objection' : answer,
        conditions: '',
        caveats: JSON.stringify([]),
        reasons: '',
        content_salt: null,
        content_digest: null,
        signature: null,
        key_fingerprint: null,
        answered_at: new Date(d.proposed_at.getTime() + (k + 1) * 3_600_000),
        version: 1,
        created_at: now,
      };
    }),
  );
  for (let i = 0; i < answers.length; i += 500)
    await db
      .insertInto('decision_answers')
      .values(answers.slice(i, i + 500))
      .execute();
}

export const consentBenches: Bench[] = [
  async function benchConsentCheck(engine, dataDir, url) {
    const database = await openDatabase({ databaseUrl: url, dataDir, holder: 'bench' });
    try {
      await migrateToLatest(database.db as unknown as Kysely<unknown>);
      const deps = benchDeps(database);
      await fill(deps.db);
      const baseline = await median(() => handoverCheck(deps, null, FROM, TO));
      await fillConsentForProfile(deps.db);
      const check = await median(() => handoverCheck(deps, null, FROM, TO));
      const findings = await handoverCheck(deps, null, FROM, TO);
      if (!findings.some((f) => f.kind === 'unconsented')) throw new Error('the bench plan should lack some consent');
      record({
        engine,
        name: 'handover check, 500 decisions, 5,000 answers',
        value: check,
        unit: 'ms',
        baseline: { name: 'the check with no decisions', value: baseline },
        goal: { text: '<= 1.5x', met: check <= 1.5 * baseline },
      });
      // The decisions and answers are cached between changes (repositories/consent.ts); this
      // is the check right after a change, when they are read again.
      const some = await deps.db.selectFrom('decisions').select('id').limit(1).executeTakeFirstOrThrow();
      const cold: number[] = [];
      for (let i = 0; i < 7; i++) {
        await deps.db
          .updateTable('decisions')
          .set((eb) => ({ version: eb('version', '+', 1) }))
          .where('id', '=', some.id)
          .execute();
        const t0 = performance.now();
        await handoverCheck(deps, null, FROM, TO);
        cold.push(performance.now() - t0);
      }
      const afterChange = cold.sort((a, b) => a - b)[3]!;
      record({
        engine,
        name: 'the same check just after a decision changed',
        value: afterChange,
        unit: 'ms',
        baseline: { name: 'the check with no decisions', value: baseline },
        goal: { text: '<= 1.5x', met: afterChange <= 1.5 * baseline },
      });
    } finally {
      await database.close();
    }
  },
];
