/** @module Consent rules: reading them (every account: they are the agreement) and setting one per decision kind. */
import { randomUUID } from 'node:crypto';
import { authorize, type Actor } from '../../../domain/policy.ts';
import { existingOrganisationIds } from '../../../repositories/organisations.ts';
import type { Deps } from '../../../services/deps.ts';
import { conflict, invalid } from '../../../services/errors.ts';
import { writeWithLog, type Written } from '../../../services/write.ts';
import type { DecisionKind } from '../contract/enums.ts';
import type { SetConsentRule } from '../contract/consent.ts';
import { ruleProblems } from '../domain/rules.ts';
import { consentRuleKind } from '../log/kinds.ts';
import { findRuleForUpdate, insertRule, listRules, updateRule, type RuleRow } from '../repositories/consent.ts';

export const CONSENT_TOPIC = 'consent' as const;

export async function consentRules(deps: Deps, actor: Actor | null): Promise<RuleRow[]> {
  authorize(actor, 'decision.read');
  return listRules(deps.db);
}

export async function setConsentRule(
  deps: Deps,
  actor: Actor | null,
  kind: DecisionKind,
  input: SetConsentRule,
): Promise<Written<RuleRow>> {
  authorize(actor, 'consent.rules');
  const problems = ruleProblems({ requiredOrgIds: input.requiredOrgIds, quorum: input.quorum });
  const known = await existingOrganisationIds(deps.db, input.requiredOrgIds);
  input.requiredOrgIds.forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `requiredOrgIds.${i}`, message: 'no such organisation' });
  });
  if (problems.length > 0) throw invalid(problems);
  const now = deps.clock.now();
  return writeWithLog(deps, async (tx, record, announce) => {
    const old = await findRuleForUpdate(tx, kind);
    if (old && input.version !== undefined && input.version !== old.version)
      throw conflict(`the rule is at version ${old.version}, not ${input.version}: reload and try again`);
    const row: RuleRow = {
      id: old?.id ?? randomUUID(),
      kind,
      required_org_ids: input.requiredOrgIds,
      quorum: input.quorum,
      illustrative: input.illustrative,
      note: input.note,
      version: (old?.version ?? 0) + 1,
      created_at: old?.created_at ?? now,
      updated_at: now,
    };
    if (old) await updateRule(tx, row);
    else await insertRule(tx, row);
    await record({
      kind: consentRuleKind.kind,
      id: row.id,
      version: row.version,
      op: old ? 'update' : 'create',
      at: now,
      actor,
      ...consentRuleKind.fields(row),
    });
    announce(CONSENT_TOPIC, row.id);
    // The check's `unconsented` findings follow the rules: the handover page listens on its own topic.
    announce('handover', row.id);
    return row;
  });
}
