/**
 * @module Meetings and their action items: recording them (coordinators), their minutes and the
 * decisions taken, marking an item done (its owner, or a coordinator), and reading them as the
 * reader may (domain/meetings.ts). The minutes' adoption is a `minutes` decision on the meeting,
 * answered like any other; its state is read here from the decisions.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { authorize, can, type Actor } from '../../../domain/policy.ts';
import { existingOrganisationIds } from '../../../repositories/organisations.ts';
import type { Deps } from '../../../services/deps.ts';
import { conflict, invalid, notFound, type FieldError } from '../../../services/errors.ts';
import { writeVersioned, writeWithLog, type Written } from '../../../services/write.ts';
import type { DecisionState } from '../contract/enums.ts';
import { CreateAction, CreateMeeting, UpdateMinutes } from '../contract/meetings.ts';
import { mayReadMeeting } from '../domain/meetings.ts';
import { meetingActionKind, meetingKind } from '../log/kinds.ts';
import { listAnswers, listDecisionRows, organisationNames } from '../repositories/consent.ts';
import {
  existingDecisionIds,
  findActionForUpdate,
  findMeetingForUpdate,
  insertAction,
  insertMeeting,
  listActionRows,
  listMeetingRows,
  setActionDone,
  updateMinutes,
  type MeetingActionRow,
  type MeetingRow,
} from '../repositories/meetings.ts';
import { CONSENT_TOPIC } from './rules.ts';
import { withStatus } from './view.ts';

export interface MeetingView {
  row: MeetingRow;
  actions: MeetingActionRow[];
  minutesDecision: { id: string; state: DecisionState } | null;
}

/** Every meeting the reader may read, with its items and the state of its minutes' adoption. */
export async function meetingsView(
  deps: Deps,
  actor: Actor | null,
): Promise<{ meetings: MeetingView[]; orgNames: Map<string, string> }> {
  authorize(actor, 'meeting.read');
  const [rows, actions, decisions, answers, orgs] = await Promise.all([
    listMeetingRows(deps.db),
    listActionRows(deps.db),
    listDecisionRows(deps.db),
    listAnswers(deps.db),
    organisationNames(deps.db),
  ]);
  // Decisions come newest first: the first `minutes` decision on a meeting is its latest.
  const minutes = new Map<string, { id: string; state: DecisionState }>();
  for (const d of withStatus(
    decisions.filter((r) => r.kind === 'minutes'),
    answers,
    deps.clock.now(),
  ))
    for (const s of d.row.subjects)
      if (s.kind === 'meeting' && !minutes.has(s.id)) minutes.set(s.id, { id: d.row.id, state: d.status.state });
  const reader =
    actor === null ? null : { organisationId: actor.organisationId, mission: can(actor, 'decision.deliberate') };
  const meetings = rows
    .map((row) => ({
      row,
      actions: actions.filter((a) => a.meeting_id === row.id),
      minutesDecision: minutes.get(row.id) ?? null,
    }))
    .filter((m) =>
      mayReadMeeting(reader, {
        conveningOrgId: m.row.convening_org_id,
        attendingOrgIds: m.row.attending_org_ids,
        ownerOrgIds: m.actions.map((a) => a.owner_org_id),
      }),
    );
  return { meetings, orgNames: new Map(orgs.map((o) => [o.id, o.name])) };
}

export async function meetingView(
  deps: Deps,
  actor: Actor | null,
  id: string,
): Promise<{ meeting: MeetingView; orgNames: Map<string, string> }> {
  const { meetings, orgNames } = await meetingsView(deps, actor);
  const meeting = meetings.find((m) => m.row.id === id);
  if (!meeting) throw notFound('meeting');
  return { meeting, orgNames };
}

async function idProblems(db: Kysely<DB>, orgIds: readonly [string, string][], decisionIds: readonly string[]) {
  const errors: FieldError[] = [];
  const known = await existingOrganisationIds(
    db,
    orgIds.map(([, id]) => id),
  );
  for (const [path, id] of orgIds) if (!known.has(id)) errors.push({ path, message: 'no such organisation' });
  const decisions = await existingDecisionIds(db, decisionIds);
  decisionIds.forEach((id, i) => {
    if (!decisions.has(id)) errors.push({ path: `decisionIds.${i}`, message: 'no such decision' });
  });
  return errors;
}

/** The row of a new meeting, checked (also used by the demo loader). */
export async function meetingRow(db: Kysely<DB>, raw: CreateMeeting, now: Date): Promise<MeetingRow> {
  const input = CreateMeeting.parse(raw);
  const errors = await idProblems(
    db,
    [
      ['conveningOrgId', input.conveningOrgId],
      ...input.attendingOrgIds.map((id, i): [string, string] => [`attendingOrgIds.${i}`, id]),
    ],
    input.decisionIds,
  );
  if (errors.length > 0) throw invalid(errors);
  return {
    id: randomUUID(),
    title: input.title,
    held_on: input.heldOn,
    place: input.place,
    convening_org_id: input.conveningOrgId,
    attending_org_ids: [...new Set(input.attendingOrgIds)],
    agenda: input.agenda,
    minutes: input.minutes,
    decision_ids: [...new Set(input.decisionIds)],
    illustrative: input.illustrative,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

/** The row of a new action item, checked (also used by the demo loader). */
export async function actionRow(
  db: Kysely<DB>,
  meetingId: string,
  raw: CreateAction,
  now: Date,
): Promise<MeetingActionRow> {
  const input = CreateAction.parse(raw);
  const errors = await idProblems(db, [['ownerOrgId', input.ownerOrgId]], []);
  if (errors.length > 0) throw invalid(errors);
  return {
    id: randomUUID(),
    meeting_id: meetingId,
    title: input.title,
    owner_org_id: input.ownerOrgId,
    due_on: input.dueOn,
    done_at: null,
    illustrative: input.illustrative,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

export async function createMeeting(
  deps: Deps,
  actor: Actor | null,
  input: CreateMeeting,
): Promise<Written<MeetingRow>> {
  authorize(actor, 'meeting.manage');
  const now = deps.clock.now();
  const row = await meetingRow(deps.db, input, now);
  return writeWithLog(deps, async (tx, record, announce) => {
    await insertMeeting(tx, row);
    await record({
      kind: meetingKind.kind,
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      ...meetingKind.fields(row),
    });
    announce(CONSENT_TOPIC, row.id);
    return row;
  });
}

export async function recordMinutes(
  deps: Deps,
  actor: Actor | null,
  id: string,
  raw: UpdateMinutes,
): Promise<Written<MeetingRow>> {
  authorize(actor, 'meeting.manage');
  const input = UpdateMinutes.parse(raw);
  const errors = await idProblems(deps.db, [], input.decisionIds ?? []);
  if (errors.length > 0) throw invalid(errors);
  const now = deps.clock.now();
  return writeVersioned(deps, {
    kind: meetingKind,
    what: 'meeting',
    id,
    seen: input.version,
    staleMessage: (current, seen) => `the meeting is at version ${current}, not ${seen}: reload and try again`,
    lock: findMeetingForUpdate,
    next: (old) => ({
      ...old,
      minutes: input.minutes,
      decision_ids: input.decisionIds ? [...new Set(input.decisionIds)] : old.decision_ids,
      updated_at: now,
    }),
    save: (tx, row) => updateMinutes(tx, row),
    op: 'update',
    at: now,
    actor,
    topic: CONSENT_TOPIC,
  });
}

export async function addAction(
  deps: Deps,
  actor: Actor | null,
  meetingId: string,
  input: CreateAction,
): Promise<Written<MeetingActionRow>> {
  authorize(actor, 'meeting.manage');
  const now = deps.clock.now();
  const row = await actionRow(deps.db, meetingId, input, now);
  return writeWithLog(deps, async (tx, record, announce) => {
    if (!(await findMeetingForUpdate(tx, meetingId))) throw notFound('meeting');
    await insertAction(tx, row);
    await record({
      kind: meetingActionKind.kind,
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      ...meetingActionKind.fields(row),
    });
    // Pages follow meetings, not items: the meeting is what changed for them.
    announce(CONSENT_TOPIC, meetingId);
    return row;
  });
}

export async function markActionDone(
  deps: Deps,
  actor: Actor | null,
  meetingId: string,
  actionId: string,
): Promise<Written<MeetingActionRow>> {
  authorize(actor, 'meeting.read');
  const now = deps.clock.now();
  return writeVersioned(deps, {
    kind: meetingActionKind,
    what: 'action item',
    id: actionId,
    seen: undefined,
    // An item of another meeting is not found under this one.
    lock: async (tx, id) => {
      const a = await findActionForUpdate(tx, id);
      return a?.meeting_id === meetingId ? a : undefined;
    },
    next: (old) => {
      // Its owner organisation (or a coordinator) says it is done: another organisation gets 403.
      authorize(actor, 'meeting.action', { organisationId: old.owner_org_id });
      if (old.done_at !== null) throw conflict('this action item is already done');
      return { ...old, done_at: now, updated_at: now };
    },
    save: (tx, row) => setActionDone(tx, row),
    op: 'update',
    at: now,
    actor,
    topic: CONSENT_TOPIC,
    announceId: () => meetingId,
  });
}
