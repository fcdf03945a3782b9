/** @module Organisations, users, tokens, mission. */
import { presentApiToken, presentOrganisation, presentUser } from '../../presenters/accounts.ts';
import { createOrganisation, createUser, organisations, updateUser, users } from '../../services/accounts.ts';
import { createToken, revokeToken, tokens } from '../../services/tokens.ts';
import { mission } from '../../services/mission.ts';
import { actorOf, type Handlers } from './types.ts';

type AccountHandlers = Pick<
  Handlers,
  | 'getMission'
  | 'listOrganisations'
  | 'createOrganisation'
  | 'listUsers'
  | 'createUser'
  | 'updateUser'
  | 'createToken'
  | 'listTokens'
  | 'revokeToken'
>;

export const accountHandlers: AccountHandlers = {
  async getMission(ctx) {
    const m = await mission(ctx.deps, actorOf(ctx));
    return { id: m.id, name: m.name, forceCeiling: m.force_ceiling, approvalQuorum: m.approval_quorum };
  },
  async listOrganisations(ctx) {
    return { items: (await organisations(ctx.deps, actorOf(ctx))).map(presentOrganisation) };
  },
  async createOrganisation(ctx) {
    const w = await createOrganisation(ctx.deps, actorOf(ctx), ctx.body);
    return { ...presentOrganisation(w.value), logIndex: w.logIndex };
  },
  async listUsers(ctx) {
    return { items: (await users(ctx.deps, actorOf(ctx))).map(presentUser) };
  },
  async createUser(ctx) {
    const w = await createUser(ctx.deps, actorOf(ctx), ctx.body);
    return { ...presentUser(w.value), logIndex: w.logIndex };
  },
  async updateUser(ctx) {
    const w = await updateUser(ctx.deps, actorOf(ctx), ctx.params.id, ctx.body);
    return { ...presentUser(w.value), logIndex: w.logIndex };
  },
  async createToken(ctx) {
    const actor = actorOf(ctx);
    const w = await createToken(ctx.deps, actor, actor.userId, ctx.body);
    return { id: w.value.id, token: w.value.token, expiresAt: w.value.expiresAt.toISOString(), logIndex: w.logIndex };
  },
  async listTokens(ctx) {
    const now = ctx.deps.clock.now();
    return { items: (await tokens(ctx.deps, actorOf(ctx), ctx.query)).map((t) => presentApiToken(t, now)) };
  },
  async revokeToken(ctx) {
    const w = await revokeToken(ctx.deps, actorOf(ctx), ctx.params.id);
    return { ...presentApiToken(w.value, ctx.deps.clock.now()), logIndex: w.logIndex };
  },
};
