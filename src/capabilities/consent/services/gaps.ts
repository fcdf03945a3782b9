/**
 * @module What consent the force's plan lacks, for the handover check, and where each contributor
 * stands with each party, for the contributions table. Two whole-table reads (decisions, answers)
 * and the rules; the rest is pure (domain/gaps.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { authorize, type Actor } from '../../../domain/policy.ts';
import type { Deps } from '../../../services/deps.ts';
import { contributions } from '../../../services/contributions.ts';
import type { DecisionKind, Standing } from '../contract/enums.ts';
import { consentGaps, indexDecisions, standings, type ConsentGap, type ConsentIndex } from '../domain/gaps.ts';
import { listDecisionFacts, listDecisionRows, listRules } from '../repositories/consent.ts';
import { decisionStatus } from '../domain/state.ts';
import { iso } from '../log/fields.ts';
import { decisionFilter } from './view.ts';

/**
 * The decision that counts per kind and subject, with its state now. Two queries (the rules;
 * decisions with their answers aggregated, repositories/consent.ts `listDecisionFacts`), the
 * states derived in memory: the handover check's cost grows little with thousands of answers
 * (`npm run bench`, bench/consent.ts).
 */
export async function consentIndex(db: Kysely<DB>, now: Date): Promise<ConsentIndex> {
  const [rules, rows] = await Promise.all([listRules(db), listDecisionFacts(db)]);
  return indexDecisions(
    new Map<DecisionKind, string[]>(rules.map((r) => [r.kind, r.required_org_ids])),
    rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      subjectIds: row.subjects.map((s) => s.id),
      proposedAt: iso(row.proposed_at),
      requiredOrgIds: row.required_org_ids,
      status: decisionStatus(
        {
          requiredOrgIds: row.required_org_ids,
          quorum: row.quorum,
          addedOrgIds: row.added_org_ids,
          dueAt: iso(row.due_at),
          cancelledAt: row.cancelled_at === null ? null : iso(row.cancelled_at),
        },
        row.answers.map(([organisationId, answer, at, caveats]) => ({ organisationId, answer, at, caveats })),
        now,
      ),
    })),
  );
}

/** Per deployment, how it lacks consent (only deployments lacking some appear). Pure, over a loaded index. */
export function deploymentConsentGaps(
  index: ConsentIndex,
  deployments: readonly { id: string; contributionId: string; sectorId: string }[],
): Map<string, ConsentGap[]> {
  const out = new Map<string, ConsentGap[]>();
  for (const d of deployments) {
    const gaps = consentGaps(index, d);
    if (gaps.length > 0) out.set(d.id, gaps);
  }
  return out;
}

/**
 * What of a deployment's consent gaps the caller may see: a gap drawn from a decision only when
 * the caller may read that decision (its id, kind, whom it awaits, who refused or excluded the
 * sector — the caveat itself — are the decision's). A gap without a decision (none asked) comes
 * from the kind's rule, which every reader sees. A caller who may read none of a deployment's
 * decisions still sees the `unconsented` finding, with no gap: that it lacks consent, not whose
 * nor why.
 */
export async function readableConsentGaps(
  db: Kysely<DB>,
  actor: Actor | null,
): Promise<(gaps: readonly ConsentGap[]) => ConsentGap[]> {
  const [rows, mayRead] = await Promise.all([listDecisionRows(db), decisionFilter(db, actor)]);
  const readable = new Set(rows.filter(mayRead).map((r) => r.id));
  return (gaps) => gaps.filter((g) => g.decisionId === null || readable.has(g.decisionId));
}

/** For each contribution the caller may see, where its contributor stands with each party asked. */
export async function contributionStandings(
  deps: Deps,
  actor: Actor | null,
): Promise<{ contributionId: string; standings: { organisationId: string; standing: Standing }[] }[]> {
  authorize(actor, 'decision.read');
  const [visible, index, rows, mayRead] = await Promise.all([
    contributions(deps, actor),
    consentIndex(deps.db, deps.clock.now()),
    listDecisionRows(deps.db),
    decisionFilter(deps.db, actor),
  ]);
  // Answers are shown only to whoever reads the admission decision they were given to.
  const readable = new Set(rows.filter(mayRead).map((r) => r.id));
  return visible.map(({ row }) => {
    const d = index.current.get(`admission:${row.id}`);
    return { contributionId: row.id, standings: d && !readable.has(d.id) ? [] : standings(index, row.id) };
  });
}
