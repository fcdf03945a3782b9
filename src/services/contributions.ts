/** @module Contributions to the force (the force-generation issue builds the full lifecycle on this). */
import { randomUUID } from 'node:crypto';
import type { CreateContribution } from '../contract/contributions.ts';
import { authorize, type Actor } from '../domain/policy.ts';
import { findOrganisation } from '../repositories/organisations.ts';
import { listContributions, type ContributionRow } from '../repositories/contributions.ts';
import type { Deps } from './deps.ts';
import { invalid } from './errors.ts';
import { writeWithLog, type Written } from './write.ts';
import { publicFields } from './public-fields.ts';

export async function contributions(deps: Deps, actor: Actor | null): Promise<ContributionRow[]> {
  authorize(actor, 'contribution.read');
  return listContributions(deps.db);
}

export async function createContribution(
  deps: Deps,
  actor: Actor | null,
  input: CreateContribution,
): Promise<Written<ContributionRow>> {
  authorize(actor, 'contribution.create', { organisationId: input.organisationId });
  const org = await findOrganisation(deps.db, input.organisationId);
  if (!org) throw invalid([{ path: 'organisationId', message: 'no such organisation' }]);
  const now = deps.clock.now();
  const row: ContributionRow = {
    id: randomUUID(),
    organisation_id: org.id,
    organisation_name: org.name,
    kind: input.kind,
    capability: input.capability,
    quantity: input.quantity === null ? null : String(input.quantity),
    unit: input.unit,
    currency: input.currency ?? null,
    status: input.status,
    caveats: input.caveats,
    expected_arrival: input.expectedArrival ?? null,
    note: input.note,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  return writeWithLog(deps, async (tx, record) => {
    const { organisation_name: _name, ...columns } = row;
    await tx.insertInto('contributions').values(columns).execute();
    await record({
      kind: 'contribution', id: row.id, version: 1, op: 'create', at: now, actor,
      public: publicFields.contribution(columns),
    });
    return row;
  });
}
