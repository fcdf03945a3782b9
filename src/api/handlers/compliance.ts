/** @module Handlers of the compliance routes. */
import type { Handlers } from './types.ts';
import { actorOf } from './types.ts';
import type { complianceRoutes } from '../../contract/routes/compliance.ts';
import { complianceSummary, complianceView, provisionView } from '../../services/compliance/view.ts';
import { createProvision } from '../../services/compliance/provisions.ts';
import { createDelivery } from '../../services/compliance/deliveries.ts';
import { createAssessment, createDispute, resolveDispute } from '../../services/compliance/judgements.ts';
import { createAgreementEvent, updateAgreementEvent } from '../../services/compliance/events.ts';
import {
  namesVisibleTo,
  presentAgreementEvent,
  presentAssessment,
  presentDelivery,
  presentDispute,
  presentProvision,
  presentSummary,
} from '../../presenters/compliance/provisions.ts';

export const complianceHandlers: Pick<
  Handlers,
  Exclude<keyof typeof complianceRoutes, 'complianceEvents' | 'exportProvisionsCsv' | 'exportDeliveriesCsv'>
> = {
  async listProvisions(ctx) {
    const actor = actorOf(ctx);
    const view = await complianceView(ctx.deps, actor);
    return { asOf: view.asOf.toISOString(), items: view.provisions.map((p) => presentProvision(p, view, actor)) };
  },
  async getProvision(ctx) {
    const actor = actorOf(ctx);
    const view = await provisionView(ctx.deps, actor, ctx.params.id);
    return presentProvision(view.provision, view, actor);
  },
  async createProvision(ctx) {
    const w = await createProvision(ctx.deps, actorOf(ctx), ctx.body);
    return { id: w.value.id, version: w.value.version, logIndex: w.logIndex };
  },
  async createDelivery(ctx) {
    const actor = actorOf(ctx);
    const w = await createDelivery(ctx.deps, actor, ctx.params.id, ctx.body);
    return { ...presentDelivery(w.value.delivery, namesVisibleTo(actor, w.value.provision)), logIndex: w.logIndex };
  },
  async createAssessment(ctx) {
    const w = await createAssessment(ctx.deps, actorOf(ctx), ctx.params.id, ctx.body);
    return { ...presentAssessment(w.value), logIndex: w.logIndex };
  },
  async createDispute(ctx) {
    const w = await createDispute(ctx.deps, actorOf(ctx), ctx.params.id, ctx.body);
    return { ...presentDispute(w.value, w.value.organisation_name), logIndex: w.logIndex };
  },
  async resolveDispute(ctx) {
    const w = await resolveDispute(ctx.deps, actorOf(ctx), ctx.params.id, ctx.body);
    return { ...presentDispute(w.value, w.value.organisation_name), logIndex: w.logIndex };
  },
  async createAgreementEvent(ctx) {
    const w = await createAgreementEvent(ctx.deps, actorOf(ctx), ctx.body);
    return { ...presentAgreementEvent(w.value), logIndex: w.logIndex };
  },
  async updateAgreementEvent(ctx) {
    const w = await updateAgreementEvent(ctx.deps, actorOf(ctx), ctx.params.id, ctx.body);
    return { ...presentAgreementEvent(w.value), logIndex: w.logIndex };
  },
  async getComplianceSummary(ctx) {
    return presentSummary(await complianceSummary(ctx.deps, actorOf(ctx)));
  },
};
