/**
 * @module Recording a delivery against a provision. Person-level data may only come from a role
 * that handles it (the provision's intermediary, coordinators, admins) and enters the log only
 * as a salted commitment.
 */
import { randomUUID } from 'node:crypto';
import { NO_ORGANISATION, type CreateDelivery } from '../../contract/compliance.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import { findProvision, type DeliveryRow, type ProvisionRow } from '../../repositories/compliance/provisions.ts';
import { insertDelivery } from '../../repositories/compliance/writes.ts';
import type { Deps } from '../deps.ts';
import { invalid, notFound, type FieldError } from '../errors.ts';
import { writeWithLog, type Written } from '../write.ts';
import { COMPLIANCE_TOPIC } from './provisions.ts';
import { provisionDeliveryKind } from '../../log/kinds/compliance.ts';

/** Tolerated clock skew of a field device reporting an event "just now". */
const FUTURE_SKEW_MS = 5 * 60_000;

export async function createDelivery(
  deps: Deps,
  actor: Actor | null,
  provisionId: string,
  input: CreateDelivery,
): Promise<Written<{ delivery: DeliveryRow; provision: ProvisionRow }>> {
  const provision = await findProvision(deps.db, provisionId);
  if (!provision) throw notFound('provision');
  // Checked against the intermediary (who handles deliveries) and the obligated parties (none of whom records its own).
  const handler = { organisationId: provision.intermediary_org_id ?? NO_ORGANISATION, partyIds: provision.party_ids };
  authorize(actor, 'provision.deliver', handler);
  if (input.persons !== undefined) authorize(actor, 'provision.names', handler);

  const now = deps.clock.now();
  const occurredAt = new Date(input.occurredAt);
  const errors: FieldError[] = [];
  if (occurredAt.getTime() > now.getTime() + FUTURE_SKEW_MS)
    errors.push({ path: 'occurredAt', message: 'must not be in the future' });
  if (input.persons && input.persons.length > input.count)
    errors.push({ path: 'persons', message: 'names more persons than the count' });
  if (input.organisationId && !provision.party_ids.includes(input.organisationId)) {
    errors.push({ path: 'organisationId', message: 'is not a party obligated by this provision' });
  }
  if (provision.measure === 'milestone' && input.count > 1)
    errors.push({ path: 'count', message: 'a milestone is reached once: count 0 or 1' });
  if (errors.length > 0) throw invalid(errors);

  const row: DeliveryRow = {
    id: randomUUID(),
    provision_id: provision.id,
    organisation_id: input.organisationId ?? (provision.party_ids.length === 1 ? provision.party_ids[0]! : null),
    count: input.count,
    occurred_at: occurredAt,
    verifier: input.verifier,
    location: input.location,
    evidence: input.evidence,
    persons: input.persons ?? null,
    persons_named: input.persons?.length ?? 0,
    recorded_by: actor?.userId ?? null,
    version: 1,
    created_at: now,
  };
  return writeWithLog(deps, async (tx, record, announce) => {
    await insertDelivery(tx, row);
    await record({
      kind: 'provision_delivery',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      public: provisionDeliveryKind.public(row),
      restricted: provisionDeliveryKind.restricted(row),
    });
    announce(COMPLIANCE_TOPIC, provision.id);
    return { delivery: row, provision };
  });
}
