/** @module Adding a provision of the agreement: references checked, one record per change. */
import { randomUUID } from 'node:crypto';
import type { CreateProvision } from '../../contract/compliance.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import type { ProvisionRow } from '../../repositories/compliance/provisions.ts';
import { agreementEventExists, insertProvision, provisionExists } from '../../repositories/compliance/writes.ts';
import { existingOrganisationIds } from '../../repositories/organisations.ts';
import type { Deps } from '../deps.ts';
import { invalid, type FieldError } from '../errors.ts';
import { writeWithLog, type Written } from '../write.ts';
import type { Topic } from '../../contract/routes.ts';
import { provisionKind } from '../../log/kinds/compliance.ts';

/** Announced after every compliance write (with the provision's id), so open pages refetch. */
export const COMPLIANCE_TOPIC = 'compliance' satisfies Topic;

async function missingReferences(deps: Deps, input: CreateProvision): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const orgIds = [...new Set([...input.partyIds, ...(input.intermediaryOrgId ? [input.intermediaryOrgId] : [])])];
  const orgs = await existingOrganisationIds(deps.db, orgIds);
  input.partyIds.forEach((id, i) => {
    if (!orgs.has(id)) errors.push({ path: `partyIds.${i}`, message: 'no such organisation' });
  });
  if (input.intermediaryOrgId && !orgs.has(input.intermediaryOrgId))
    errors.push({ path: 'intermediaryOrgId', message: 'no such organisation' });

  const provisionRefs: [string, string | undefined][] = [
    ['dependsOnId', input.dependsOnId],
    ['deadline.anchorProvisionId', input.deadline.kind === 'relative' ? input.deadline.anchorProvisionId : undefined],
    ['measure.of', input.measure.kind === 'ratio' ? input.measure.of : undefined],
  ];
  for (const [path, id] of provisionRefs) {
    if (id && !(await provisionExists(deps.db, id))) {
      errors.push({ path, message: 'no such provision' });
    }
  }
  if (input.measure.kind === 'rate' && input.deadline.kind === 'none') {
    errors.push({ path: 'deadline', message: 'a rate is due from a deadline: give one' });
  }
  if (input.deadline.kind === 'relative') {
    const { anchorEventId, anchorProvisionId } = input.deadline;
    if ((anchorEventId === undefined) === (anchorProvisionId === undefined)) {
      errors.push({
        path: 'deadline',
        message: 'a relative deadline names exactly one anchor: anchorEventId or anchorProvisionId',
      });
    } else if (anchorEventId && !(await agreementEventExists(deps.db, anchorEventId))) {
      errors.push({ path: 'deadline.anchorEventId', message: 'no such agreement event' });
    }
  }
  return errors;
}

/** The row of a new provision (also used by the demo loader). */
export function provisionRow(id: string, input: CreateProvision, now: Date): ProvisionRow {
  const d = input.deadline;
  const m = input.measure;
  return {
    id,
    phase: input.phase,
    reference: input.reference,
    title: input.title,
    body: input.text,
    provision_type: input.type,
    party_ids: input.partyIds,
    intermediary_org_id: input.intermediaryOrgId ?? null,
    depends_on_id: input.dependsOnId ?? null,
    deadline_kind: d.kind,
    deadline_at: d.kind === 'absolute' ? new Date(d.at) : null,
    anchor_event_id: d.kind === 'relative' ? (d.anchorEventId ?? null) : null,
    anchor_provision_id: d.kind === 'relative' ? (d.anchorProvisionId ?? null) : null,
    offset_amount: d.kind === 'relative' ? d.amount : null,
    offset_unit: d.kind === 'relative' ? d.unit : null,
    measure: m.kind,
    target: m.kind === 'count' ? m.target : null,
    per_day: m.kind === 'rate' ? m.perDay : null,
    unit: m.kind === 'count' || m.kind === 'ratio' || m.kind === 'rate' ? m.unit : '',
    ratio_of_id: m.kind === 'ratio' ? m.of : null,
    ratio_per_unit: m.kind === 'ratio' ? m.perUnit : null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

/** Insert columns: the JSON column goes in as text. */
export async function createProvision(
  deps: Deps,
  actor: Actor | null,
  input: CreateProvision,
): Promise<Written<ProvisionRow>> {
  authorize(actor, 'provision.create');
  const errors = await missingReferences(deps, input);
  if (errors.length > 0) throw invalid(errors);
  const now = deps.clock.now();
  const row = provisionRow(randomUUID(), input, now);
  return writeWithLog(deps, async (tx, record, announce) => {
    await insertProvision(tx, row);
    await record({
      kind: 'provision',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      public: provisionKind.public(row),
    });
    announce(COMPLIANCE_TOPIC, row.id);
    return row;
  });
}
