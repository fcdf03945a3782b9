/** @module Handlers of the consent routes: call a service, return a presenter's shape. */
import type { Handlers } from '../../../api/handlers/types.ts';
import { actorOf } from '../../../api/handlers/types.ts';
import type { consentRoutes } from '../contract/routes.ts';
import { consentRules, setConsentRule } from '../services/rules.ts';
import { getDecision, listDecisions } from '../services/view.ts';
import { addDecisionNote, answerDecision, cancelDecision, proposeDecision } from '../services/decisions.ts';
import { contributionStandings } from '../services/gaps.ts';
import { presentAnswer, presentDecision, presentNote, presentPartyKey, presentRule } from '../presenters/decisions.ts';
import { partyKeys, registerPartyKey } from '../services/party-keys.ts';
import { meetingHandlers } from './meetings.ts';
import { decisionsCsv } from '../presenters/exports.ts';
import type { Decision } from '../contract/consent.ts';
import type { Deps } from '../../../services/deps.ts';
import type { Actor } from '../../../domain/policy.ts';

/** One decision as the caller now sees it (after a write: its state may have changed). */
async function decisionNow(deps: Deps, actor: Actor, id: string): Promise<Decision> {
  const view = await getDecision(deps, actor, id);
  return presentDecision(view.decisions[0]!, view.orgNames, actor, deps.clock.now());
}

export const consentHandlers: Pick<Handlers, keyof typeof consentRoutes> = {
  async consentEvents() {
    return { topics: ['consent'] };
  },
  ...meetingHandlers,
  async listConsentRules(ctx) {
    return { items: (await consentRules(ctx.deps, actorOf(ctx))).map(presentRule) };
  },
  async setConsentRule(ctx) {
    const w = await setConsentRule(ctx.deps, actorOf(ctx), ctx.params.kind, ctx.body);
    return { ...presentRule(w.value), logIndex: w.logIndex };
  },
  async listDecisions(ctx) {
    const actor = actorOf(ctx);
    const view = await listDecisions(ctx.deps, actor);
    const now = ctx.deps.clock.now();
    const items = view.decisions
      .filter((d) => ctx.query.state === undefined || d.status.state === ctx.query.state)
      .filter((d) => ctx.query.awaitingMine !== true || d.status.awaiting.includes(actor.organisationId))
      .map((d) => presentDecision(d, view.orgNames, actor, now));
    return { items };
  },
  async getDecision(ctx) {
    return decisionNow(ctx.deps, actorOf(ctx), ctx.params.id);
  },
  async proposeDecision(ctx) {
    const actor = actorOf(ctx);
    const w = await proposeDecision(ctx.deps, actor, ctx.body);
    return { ...(await decisionNow(ctx.deps, actor, w.value.id)), logIndex: w.logIndex };
  },
  async answerDecision(ctx) {
    const actor = actorOf(ctx);
    const w = await answerDecision(ctx.deps, actor, ctx.params.id, ctx.body);
    const decision = await decisionNow(ctx.deps, actor, ctx.params.id);
    const names = new Map(decision.answers.map((a) => [a.organisationId, a.organisationName]));
    return { ...presentAnswer(w.value, names), logIndex: w.logIndex, decision };
  },
  async cancelDecision(ctx) {
    const actor = actorOf(ctx);
    const w = await cancelDecision(ctx.deps, actor, ctx.params.id, ctx.body.version);
    return { ...(await decisionNow(ctx.deps, actor, w.value.id)), logIndex: w.logIndex };
  },
  async addDecisionNote(ctx) {
    const w = await addDecisionNote(ctx.deps, actorOf(ctx), ctx.params.id, ctx.body.body);
    return { ...presentNote(w.value), logIndex: w.logIndex };
  },
  async exportDecisionsCsv(ctx) {
    return { body: decisionsCsv(await listDecisions(ctx.deps, actorOf(ctx))), filename: 'decisions.csv' };
  },
  async listContributionStandings(ctx) {
    return { items: await contributionStandings(ctx.deps, actorOf(ctx)) };
  },
  async listPartyKeys(ctx) {
    const { keys, orgNames } = await partyKeys(ctx.deps, actorOf(ctx));
    return { items: keys.map((k) => presentPartyKey(k, orgNames)) };
  },
  async registerPartyKey(ctx) {
    const actor = actorOf(ctx);
    const w = await registerPartyKey(ctx.deps, actor, ctx.body);
    const { orgNames } = await partyKeys(ctx.deps, actor);
    return { ...presentPartyKey(w.value, orgNames), logIndex: w.logIndex };
  },
};
