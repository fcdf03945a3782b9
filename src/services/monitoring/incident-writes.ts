/**
 * @module Small write steps shared by the incident use cases, each inside the caller's
 * transaction: update an incident row (version + 1) and append an immutable history event,
 * recording both in the log.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { IncidentAction, IncidentEventTable, IncidentTable } from '../../db/schema/monitoring.ts';
import type { Actor } from '../../domain/policy.ts';
import type { ChangeInput, ChangeOp } from '../records.ts';
import type { RecordFn } from '../write.ts';
import { conflict } from '../errors.ts';
import { applyGridChange } from '../../repositories/monitoring/grid.ts';
import { insertIncidentEvent, updateIncidentAtVersion } from '../../repositories/monitoring/incidents.ts';
import { incidentEventKind, incidentKind } from '../../log/kinds/monitoring.ts';

export type IncidentState = Selectable<IncidentTable>;

export async function updateIncident(
  tx: Kysely<DB>,
  record: RecordFn,
  current: IncidentState,
  change: Updateable<IncidentTable>,
  op: ChangeOp,
  actor: Actor | null,
  at: Date,
): Promise<IncidentState> {
  const next: IncidentState = { ...current, ...change, version: current.version + 1, updated_at: at } as IncidentState;
  // The version guard: another writer may have moved the incident on since it was read.
  if (
    !(await updateIncidentAtVersion(tx, current.id, current.version, {
      ...change,
      version: next.version,
      updated_at: at,
    }))
  )
    throw conflict(`the incident changed (it is no longer at version ${current.version}); reload it`);
  await record({
    kind: 'incident',
    id: current.id,
    version: next.version,
    op,
    at,
    actor,
    public: incidentKind.public(next),
    restricted: incidentKind.restricted(next),
  });
  await applyGridChange(tx, current, next);
  return next;
}

export interface EventInput {
  incidentId: string;
  action: IncidentAction;
  fromStatus?: IncidentState['status'] | null;
  toStatus?: IncidentState['status'] | null;
  outcome?: IncidentState['outcome'];
  rationale: string;
  round: number;
  relatedIncidentId?: string | null;
  detail?: Record<string, unknown>;
}

const OPS: Record<IncidentAction, ChangeOp> = {
  create: 'create',
  transition: 'transition',
  approve: 'approve',
  contest: 'approve',
  assign: 'update',
  merge: 'merge',
  split: 'split',
  reply: 'create',
  appeal: 'transition',
};

/** The history row of an event (its seq comes from the database). */
export function eventRow(
  e: EventInput,
  actor: Actor | null,
  at: Date,
): Omit<Selectable<IncidentEventTable>, 'seq'> & { detail: Record<string, unknown> } {
  return {
    id: randomUUID(),
    incident_id: e.incidentId,
    action: e.action,
    from_status: e.fromStatus ?? null,
    to_status: e.toStatus ?? null,
    outcome: e.outcome ?? null,
    rationale: e.rationale,
    round: e.round,
    related_incident_id: e.relatedIncidentId ?? null,
    detail: e.detail ?? {},
    actor_user_id: actor?.userId ?? null,
    actor_org_id: actor?.organisationId ?? null,
    at,
  };
}

/** The change an event records in the log (public fields and restricted ones). */
export function eventChange(stored: Selectable<IncidentEventTable>, actor: Actor | null, at: Date): ChangeInput {
  return {
    kind: 'incident_event',
    id: stored.id,
    version: 1,
    op: OPS[stored.action],
    at,
    actor,
    public: incidentEventKind.public(stored),
    restricted: incidentEventKind.restricted(stored),
  };
}

export async function appendEvent(
  tx: Kysely<DB>,
  record: RecordFn,
  e: EventInput,
  actor: Actor | null,
  at: Date,
): Promise<void> {
  const row = eventRow(e, actor, at);
  const seq = await insertIncidentEvent(tx, { ...row, detail: JSON.stringify(row.detail) });
  await record(eventChange({ ...row, seq }, actor, at));
}
