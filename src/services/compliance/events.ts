/**
 * @module Agreement events: moments deadlines count from ("the ceasefire takes effect"). Adding
 * one, or recording when it happened, is a coordinator's act; every relative deadline anchored
 * on it is recomputed on the next read.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CreateAgreementEvent, UpdateAgreementEvent } from '../../contract/compliance.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import type { AgreementEventRow } from '../../repositories/compliance/provisions.ts';
import {
  agreementEventKeyTaken,
  findAgreementEventForUpdate,
  insertAgreementEvent,
  updateAgreementEventDate,
} from '../../repositories/compliance/writes.ts';
import type { Deps } from '../deps.ts';
import { conflict } from '../errors.ts';
import { writeVersioned, writeWithLog, type Written } from '../write.ts';
import { COMPLIANCE_TOPIC } from './provisions.ts';
import { isUniqueViolation } from '../sql-errors.ts';
import { agreementEventKind } from '../../log/kinds/compliance.ts';

export async function createAgreementEvent(
  deps: Deps,
  actor: Actor | null,
  input: z.infer<typeof CreateAgreementEvent>,
): Promise<Written<AgreementEventRow>> {
  authorize(actor, 'provision.create');
  const now = deps.clock.now();
  const row: AgreementEventRow = {
    id: randomUUID(),
    key: input.key,
    name: input.name,
    occurred_at: input.occurredAt ? new Date(input.occurredAt) : null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  return writeWithLog(deps, async (tx, record, announce) => {
    const taken = conflict(`an agreement event with the key ${input.key} exists`);
    if (await agreementEventKeyTaken(tx, input.key)) throw taken;
    try {
      await insertAgreementEvent(tx, row);
    } catch (err) {
      // Two requests raced past the check: the unique key decides.
      if (isUniqueViolation(err)) throw taken;
      throw err;
    }
    await record({
      kind: 'agreement_event',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      public: agreementEventKind.public(row),
    });
    announce(COMPLIANCE_TOPIC, row.id);
    return row;
  });
}

export async function updateAgreementEvent(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof UpdateAgreementEvent>,
): Promise<Written<AgreementEventRow>> {
  authorize(actor, 'provision.create');
  const now = deps.clock.now();
  return writeVersioned(deps, {
    kind: agreementEventKind,
    what: 'agreement event',
    id,
    seen: undefined,
    lock: findAgreementEventForUpdate,
    next: (current) => ({
      ...current,
      occurred_at: input.occurredAt === null ? null : new Date(input.occurredAt),
      updated_at: now,
    }),
    save: (tx, row) =>
      updateAgreementEventDate(tx, id, { occurred_at: row.occurred_at, version: row.version, updated_at: now }),
    op: 'update',
    at: now,
    actor,
    topic: COMPLIANCE_TOPIC,
  });
}
