/**
 * @module The coordinator's Peace Accords Matrix score (0-3, with evidence and rationale; each
 * score is a new row, so the history stays) and a party's dispute of a status, tracked to its
 * resolution.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CreateAssessment, CreateDispute, ResolveDispute } from '../../contract/compliance.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import { findProvision, type AssessmentRow, type DisputeRow } from '../../repositories/compliance/provisions.ts';
import {
  findDisputeForUpdate,
  hasOpenDispute,
  insertAssessment,
  insertDispute,
  resolveDisputeRow,
} from '../../repositories/compliance/writes.ts';
import { findOrganisation, organisationName } from '../../repositories/organisations.ts';
import type { Deps } from '../deps.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { updateVersioned, writeWithLog, type Written } from '../write.ts';
import { COMPLIANCE_TOPIC } from './provisions.ts';
import { isUniqueViolation } from '../sql-errors.ts';
import { provisionAssessmentKind, provisionDisputeKind } from '../../log/kinds/compliance.ts';

type Input<S extends z.ZodType> = z.infer<S>;

const ALREADY_OPEN = 'this party already has an open dispute of this provision';

export async function createAssessment(
  deps: Deps,
  actor: Actor | null,
  provisionId: string,
  input: Input<typeof CreateAssessment>,
): Promise<Written<AssessmentRow>> {
  const provision = await findProvision(deps.db, provisionId);
  if (!provision) throw notFound('provision');
  // A party never scores its own obligation (policy/compliance.ts).
  authorize(actor, 'provision.assess', { partyIds: provision.party_ids });
  const now = deps.clock.now();
  const row: AssessmentRow = {
    id: randomUUID(),
    provision_id: provisionId,
    score: input.score,
    evidence: input.evidence,
    rationale: input.rationale,
    assessed_by: actor?.userId ?? null,
    assessed_at: now,
    version: 1,
  };
  return writeWithLog(deps, async (tx, record, announce) => {
    await insertAssessment(tx, row);
    await record({
      kind: 'provision_assessment',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      public: provisionAssessmentKind.public(row),
    });
    announce(COMPLIANCE_TOPIC, provisionId);
    return row;
  });
}

export async function createDispute(
  deps: Deps,
  actor: Actor | null,
  provisionId: string,
  input: Input<typeof CreateDispute>,
): Promise<Written<DisputeRow & { organisation_name: string }>> {
  const organisationId = input.organisationId ?? actor?.organisationId;
  if (!organisationId) throw invalid([{ path: 'organisationId', message: 'required when acting from the console' }]);
  authorize(actor, 'provision.dispute', { organisationId });
  if (!(await findProvision(deps.db, provisionId))) throw notFound('provision');
  const org = await findOrganisation(deps.db, organisationId);
  if (!org) throw invalid([{ path: 'organisationId', message: 'no such organisation' }]);
  if (org.kind !== 'party')
    throw invalid([{ path: 'organisationId', message: 'only a party to the agreement disputes a status' }]);
  const now = deps.clock.now();
  const row: DisputeRow = {
    id: randomUUID(),
    provision_id: provisionId,
    organisation_id: organisationId,
    reason: input.reason,
    status: 'open',
    resolution: '',
    opened_by: actor?.userId ?? null,
    opened_at: now,
    resolved_by: null,
    resolved_at: null,
    version: 1,
  };
  return writeWithLog(deps, async (tx, record, announce) => {
    // The partial unique index settles a race between two requests; this check names the case.
    if (await hasOpenDispute(tx, provisionId, organisationId)) throw conflict(ALREADY_OPEN);
    try {
      await insertDispute(tx, row);
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(ALREADY_OPEN);
      throw err;
    }
    await record({
      kind: 'provision_dispute',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      public: provisionDisputeKind.public(row),
    });
    announce(COMPLIANCE_TOPIC, provisionId);
    return { ...row, organisation_name: org.name };
  });
}

export async function resolveDispute(
  deps: Deps,
  actor: Actor | null,
  disputeId: string,
  input: Input<typeof ResolveDispute>,
): Promise<Written<DisputeRow & { organisation_name: string }>> {
  const now = deps.clock.now();
  return writeWithLog(deps, async (tx, record, announce) => {
    const { next: row } = await updateVersioned(tx, record, announce, {
      kind: provisionDisputeKind,
      what: 'dispute',
      id: disputeId,
      seen: undefined,
      lock: async (t, id) => {
        const current = await findDisputeForUpdate(t, id);
        // A party never settles a dispute of its own obligation (policy/compliance.ts).
        if (current) {
          const provision = await findProvision(t, current.provision_id);
          authorize(actor, 'provision.resolve', { partyIds: provision?.party_ids ?? [] });
        }
        return current;
      },
      next: (current) => {
        if (current.status !== 'open') throw conflict(`the dispute is already ${current.status}`);
        return {
          ...current,
          status: input.outcome,
          resolution: input.resolution,
          resolved_by: actor?.userId ?? null,
          resolved_at: now,
        };
      },
      save: (t, next) =>
        resolveDisputeRow(t, disputeId, {
          status: next.status,
          resolution: next.resolution,
          resolved_by: next.resolved_by,
          resolved_at: now,
          version: next.version,
        }),
      op: 'transition',
      at: now,
      actor,
      // Open pages show disputes on their provision.
      topic: COMPLIANCE_TOPIC,
      announceId: (next) => next.provision_id,
    });
    return { ...row, organisation_name: await organisationName(tx, row.organisation_id) };
  });
}
