/** @module The force and handover routes of the API (see src/contract/routes.ts, which merges every module's table). */
import { route } from '../route.ts';
import { IdParams, listOf } from '../common.ts';
import {
  CheckQuery, ContributionTransition, ContributionTransitioned, CreateDeployment, CreateMilestone, CreateRequirement, Deployment,
  DeploymentWritten, Gap, GapQuery, GapSeries, GapSeriesQuery, HandoverCheck, LineDiff, LineDiffQuery, Milestone, MilestoneWritten,
  ReleaseParams, ReleaseSet, Requirement, RequirementWritten, SetRelease, TransitionContribution, UpdateDeployment, UpdateMilestone,
} from '../force.ts';

export const forceRoutes = {
  transitionContribution: route({
    method: 'post', path: '/api/contributions/{id}/transitions', tag: 'force', auth: 'account', status: 201,
    summary: 'Move a contribution to its next status (PCRS or FTS table); a move the table forbids is a 409 and changes nothing',
    params: IdParams, body: TransitionContribution, response: ContributionTransitioned,
  }),
  listContributionTransitions: route({
    method: 'get', path: '/api/contributions/{id}/transitions', tag: 'force', auth: 'account', status: 200,
    summary: "A contribution's status history: each move with who, when it took effect and why",
    params: IdParams, response: listOf(ContributionTransition),
  }),
  listRequirements: route({
    method: 'get', path: '/api/requirements', tag: 'force', auth: 'account', status: 200,
    summary: "The mandate's requirements per task, capability and sector, with needed-by days per phase", response: listOf(Requirement),
  }),
  createRequirement: route({
    method: 'post', path: '/api/requirements', tag: 'force', auth: 'account', status: 201,
    summary: 'Add a requirement (coordinator, admin); a later phase of the same task, capability and sector supersedes the earlier one',
    body: CreateRequirement, response: RequirementWritten,
  }),
  getForceGap: route({
    method: 'get', path: '/api/force/gap', tag: 'force', auth: 'account', status: 200,
    summary: 'Required vs deployed, confirmed (PCRS 2+), pledged and interest, per capability and per sector, on a day (default today); pledges never count as strength',
    query: GapQuery, response: Gap,
  }),
  getForceGapSeries: route({
    method: 'get', path: '/api/force/gap/series', tag: 'force', auth: 'account', status: 200,
    summary: 'The gap day by day over a period (at most three years): strength by status, required, gap by capability',
    query: GapSeriesQuery, response: GapSeries,
  }),
  listMilestones: route({
    method: 'get', path: '/api/handover/milestones', tag: 'handover', auth: 'account', status: 200,
    summary: 'Withdrawal milestones: which sector is vacated when, under which condition', response: listOf(Milestone),
  }),
  createMilestone: route({
    method: 'post', path: '/api/handover/milestones', tag: 'handover', auth: 'account', status: 201,
    summary: 'Add a withdrawal milestone (coordinator, admin)', body: CreateMilestone, response: MilestoneWritten,
  }),
  updateMilestone: route({
    method: 'patch', path: '/api/handover/milestones/{id}', tag: 'handover', auth: 'account', status: 200,
    summary: 'Move a milestone or change its condition (coordinator, admin)', params: IdParams, body: UpdateMilestone, response: MilestoneWritten,
  }),
  listDeployments: route({
    method: 'get', path: '/api/deployments', tag: 'handover', auth: 'account', status: 200,
    summary: 'Deployments of the plan: which contributed unit holds which sector, from when, at what strength', response: listOf(Deployment),
  }),
  createDeployment: route({
    method: 'post', path: '/api/deployments', tag: 'handover', auth: 'account', status: 201,
    summary: 'Assign a contributed unit to a sector from a day (to inclusive, open-ended when absent)', body: CreateDeployment, response: DeploymentWritten,
  }),
  updateDeployment: route({
    method: 'patch', path: '/api/deployments/{id}', tag: 'handover', auth: 'account', status: 200,
    summary: 'Change a deployment (end it, change its strength)', params: IdParams, body: UpdateDeployment, response: DeploymentWritten,
  }),
  setReleasability: route({
    method: 'put', path: '/api/releasability/{kind}/{id}', tag: 'force', auth: 'account', status: 200,
    summary: "Set who may read a force or handover record and its figures (coordinators); each change is logged. The public log never carried the figures, so lowering a level later unpublishes nothing",
    params: ReleaseParams, body: SetRelease, response: ReleaseSet,
  }),
  checkHandover: route({
    method: 'get', path: '/api/handover/check', tag: 'handover', auth: 'account', status: 200,
    summary: 'Every sector, every day of the period: vacuums, understrength, overcommitted contributions, deployments on pledges below PCRS 2',
    query: CheckQuery, response: HandoverCheck,
  }),
  getControlLineDiff: route({
    method: 'get', path: '/api/control-lines/diff', tag: 'handover', auth: 'account', status: 200,
    summary: 'Ground released and taken (km²) between two control-line versions, with the shapes',
    query: LineDiffQuery, response: LineDiff,
  }),
  handoverEvents: route({
    method: 'get', path: '/api/handover/events', tag: 'force', auth: 'account', status: 200, permission: 'handover.read',
    summary: 'Server-Sent Events: the plan changed (milestones, deployments, contributions)',
    produces: { kind: 'sse' },
  }),
  exportGapCsv: route({
    method: 'get', path: '/api/force/gap.csv', tag: 'force', auth: 'account', status: 200,
    summary: 'The gap table for a day as CSV with HXL tags (?on=YYYY-MM-DD)',
    query: GapQuery, produces: { kind: 'csv' },
  }),
} as const;
