/** @module Handlers of the force and handover routes. */
import type { Handlers } from './types.ts';
import { actorOf } from './types.ts';
import type { forceRoutes } from '../../contract/routes/force.ts';
import { presentContribution } from '../../presenters/contributions.ts';
import { presentTransition } from '../../presenters/force/transitions.ts';
import { presentRequirement } from '../../presenters/force/requirements.ts';
import { presentGap, presentGapSeries } from '../../presenters/force/gap.ts';
import {
  presentDeployment,
  presentFinding,
  presentLineDiff,
  presentMilestone,
} from '../../presenters/handover/plan.ts';
import { contributionTransitions, transitionContribution } from '../../services/contributions.ts';
import { createRequirement, requirements } from '../../services/force/requirements.ts';
import { forceGap, forceGapSeries } from '../../services/force/gap.ts';
import { createMilestone, milestones, updateMilestone } from '../../services/handover/milestones.ts';
import { createDeployment, deployments, updateDeployment } from '../../services/handover/deployments.ts';
import { handoverCheck } from '../../services/handover/check.ts';
import { controlLineDiff } from '../../services/handover/line-diff.ts';
import { setReleasability } from '../../services/force/release.ts';

export const forceHandlers: Pick<Handlers, Exclude<keyof typeof forceRoutes, 'handoverEvents' | 'exportGapCsv'>> = {
  async transitionContribution(ctx) {
    const w = await transitionContribution(ctx.deps, actorOf(ctx), ctx.params.id, ctx.body);
    // The mover is the contribution's own organisation or the mission: it reads the figures.
    return {
      ...presentContribution(w.value.contribution, true),
      transition: presentTransition(w.value.transition, true),
      logIndex: w.logIndex,
    };
  },
  async listContributionTransitions(ctx) {
    return {
      items: (await contributionTransitions(ctx.deps, actorOf(ctx), ctx.params.id)).map((t) =>
        presentTransition(t.row, t.detail),
      ),
    };
  },
  async listRequirements(ctx) {
    return { items: (await requirements(ctx.deps, actorOf(ctx))).map(presentRequirement) };
  },
  async createRequirement(ctx) {
    const w = await createRequirement(ctx.deps, actorOf(ctx), ctx.body);
    return { ...presentRequirement(w.value), logIndex: w.logIndex };
  },
  async getForceGap(ctx) {
    return presentGap(await forceGap(ctx.deps, actorOf(ctx), ctx.query.on));
  },
  async getForceGapSeries(ctx) {
    return presentGapSeries(await forceGapSeries(ctx.deps, actorOf(ctx), ctx.query.from, ctx.query.to));
  },
  async listMilestones(ctx) {
    return { items: (await milestones(ctx.deps, actorOf(ctx))).map(presentMilestone) };
  },
  async createMilestone(ctx) {
    const w = await createMilestone(ctx.deps, actorOf(ctx), ctx.body);
    return { ...presentMilestone(w.value), logIndex: w.logIndex };
  },
  async updateMilestone(ctx) {
    const w = await updateMilestone(ctx.deps, actorOf(ctx), ctx.params.id, ctx.body);
    return { ...presentMilestone(w.value), logIndex: w.logIndex };
  },
  async listDeployments(ctx) {
    return { items: (await deployments(ctx.deps, actorOf(ctx))).map((d) => presentDeployment(d.row, d.detail)) };
  },
  // Only planners (mission) write deployments: they read the figures they wrote.
  async createDeployment(ctx) {
    const w = await createDeployment(ctx.deps, actorOf(ctx), ctx.body);
    return { ...presentDeployment(w.value, true), logIndex: w.logIndex };
  },
  async updateDeployment(ctx) {
    const w = await updateDeployment(ctx.deps, actorOf(ctx), ctx.params.id, ctx.body);
    return { ...presentDeployment(w.value, true), logIndex: w.logIndex };
  },
  async setReleasability(ctx) {
    const w = await setReleasability(ctx.deps, actorOf(ctx), ctx.params.kind, ctx.params.id, ctx.body);
    return { ...w.value, logIndex: w.logIndex };
  },
  async checkHandover(ctx) {
    const findings = await handoverCheck(ctx.deps, actorOf(ctx), ctx.query.from, ctx.query.to);
    return { from: ctx.query.from, to: ctx.query.to, findings: findings.map(presentFinding) };
  },
  async getControlLineDiff(ctx) {
    const { from, to, diff } = await controlLineDiff(ctx.deps, actorOf(ctx), ctx.query.from, ctx.query.to);
    return presentLineDiff(from, to, diff);
  },
};
