/** @module Handlers of the meeting routes: call a service, return a presenter's shape. */
import type { Handlers } from '../../../api/handlers/types.ts';
import { actorOf } from '../../../api/handlers/types.ts';
import type { meetingRoutes } from '../contract/meeting-routes.ts';
import { presentAction, presentMeeting } from '../presenters/meetings.ts';
import {
  addAction,
  createMeeting,
  markActionDone,
  meetingsView,
  meetingView,
  recordMinutes,
} from '../services/meetings.ts';
import type { Deps } from '../../../services/deps.ts';
import type { Actor } from '../../../domain/policy.ts';
import type { Meeting } from '../contract/meetings.ts';

async function meetingNow(deps: Deps, actor: Actor, id: string): Promise<Meeting> {
  const { meeting, orgNames } = await meetingView(deps, actor, id);
  return presentMeeting(meeting, orgNames, deps.clock.now());
}

export const meetingHandlers: Pick<Handlers, keyof typeof meetingRoutes> = {
  async listMeetings(ctx) {
    const { meetings, orgNames } = await meetingsView(ctx.deps, actorOf(ctx));
    const now = ctx.deps.clock.now();
    return { items: meetings.map((m) => presentMeeting(m, orgNames, now)) };
  },
  async getMeeting(ctx) {
    return meetingNow(ctx.deps, actorOf(ctx), ctx.params.id);
  },
  async createMeeting(ctx) {
    const actor = actorOf(ctx);
    const w = await createMeeting(ctx.deps, actor, ctx.body);
    return { ...(await meetingNow(ctx.deps, actor, w.value.id)), logIndex: w.logIndex };
  },
  async recordMinutes(ctx) {
    const actor = actorOf(ctx);
    const w = await recordMinutes(ctx.deps, actor, ctx.params.id, ctx.body);
    return { ...(await meetingNow(ctx.deps, actor, w.value.id)), logIndex: w.logIndex };
  },
  async addMeetingAction(ctx) {
    const actor = actorOf(ctx);
    const w = await addAction(ctx.deps, actor, ctx.params.id, ctx.body);
    const { orgNames } = await meetingView(ctx.deps, actor, ctx.params.id);
    return { ...presentAction(w.value, orgNames, ctx.deps.clock.now()), logIndex: w.logIndex };
  },
  async markMeetingActionDone(ctx) {
    const actor = actorOf(ctx);
    const w = await markActionDone(ctx.deps, actor, ctx.params.id, ctx.params.actionId);
    const { orgNames } = await meetingView(ctx.deps, actor, ctx.params.id);
    return { ...presentAction(w.value, orgNames, ctx.deps.clock.now()), logIndex: w.logIndex };
  },
};
