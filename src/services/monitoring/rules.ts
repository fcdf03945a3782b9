/**
 * @module Who must decide what in a mission (issue 13): the quorum of a ruling and of an appeal
 * decision, whether the proposer's body counts, the appeal period. Read by everyone who reads
 * incidents (a party must know how it will be judged); set by coordinators, as a logged change.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { MonitoringRules, MonitoringRulesRequest } from '../../contract/monitoring/rulings.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import { rulesInForce, type RulingRules } from '../../domain/monitoring/rules.ts';
import { insertRules, lockRules, missionRules, saveRules, type RulesRow } from '../../repositories/monitoring/rules.ts';
import { monitoringRulesKind } from '../../log/kinds/monitoring.ts';
import type { Deps } from '../deps.ts';
import { conflict, notFound } from '../errors.ts';
import { writeWithLog, type Written } from '../write.ts';

const fromRow = (r: RulesRow): RulingRules => ({
  rulingQuorum: r.ruling_quorum,
  appealQuorum: r.appeal_quorum,
  proposerCounts: r.proposer_counts,
  appealDays: r.appeal_days,
});

/** The rules in force, for the services that judge (no policy check: they are not an answer). */
export async function rulesOf(db: Kysely<DB>): Promise<RulingRules> {
  const m = await missionRules(db);
  return rulesInForce(m?.row ? fromRow(m.row) : undefined, m?.approvalQuorum ?? 2);
}

export async function monitoringRules(deps: Deps, actor: Actor | null): Promise<MonitoringRules> {
  authorize(actor, 'incident.read');
  const m = await missionRules(deps.db);
  if (!m) throw notFound('mission');
  const rules = rulesInForce(m.row ? fromRow(m.row) : undefined, m.approvalQuorum);
  return {
    missionId: m.missionId,
    ...rules,
    version: m.row?.version ?? 0,
    updatedAt: m.row ? new Date(m.row.updated_at).toISOString() : null,
  };
}

export async function setMonitoringRules(
  deps: Deps,
  actor: Actor | null,
  input: z.infer<typeof MonitoringRulesRequest>,
): Promise<Written<MonitoringRules>> {
  authorize(actor, 'monitoring.configure');
  const now = deps.clock.now();
  const w = await writeWithLog(deps, async (tx, record, announce) => {
    const m = await missionRules(tx);
    if (!m) throw notFound('mission');
    const current = await lockRules(tx, m.missionId);
    const seen = current?.version ?? 0;
    if (input.version !== undefined && input.version !== seen)
      throw conflict(`the rules changed (version ${seen}, you saw ${input.version}); reload them`);
    const next: RulesRow = {
      id: m.missionId,
      ruling_quorum: input.rulingQuorum,
      appeal_quorum: input.appealQuorum,
      proposer_counts: input.proposerCounts,
      appeal_days: input.appealDays,
      version: seen + 1,
      updated_at: now,
    };
    if (current) await saveRules(tx, next);
    else await insertRules(tx, next);
    await record({
      kind: 'monitoring_rules',
      id: next.id,
      version: next.version,
      op: current ? 'update' : 'create',
      at: now,
      actor,
      ...monitoringRulesKind.fields(next),
    });
    announce('incident', next.id);
  });
  return { value: await monitoringRules(deps, actor), logIndex: w.logIndex };
}
