/** @module Handlers of the compliance routes that are not JSON: live events and the CSV exports (never names). */
import { actorOf, type Handlers } from './types.ts';
import { complianceView } from '../../services/compliance/view.ts';
import { COMPLIANCE_TOPIC } from '../../services/compliance/provisions.ts';
import { deliveriesCsv, provisionsCsv } from '../../presenters/compliance/exports.ts';

export const complianceFileHandlers: Pick<
  Handlers,
  'complianceEvents' | 'exportProvisionsCsv' | 'exportDeliveriesCsv'
> = {
  async complianceEvents() {
    return { topics: [COMPLIANCE_TOPIC] };
  },
  async exportProvisionsCsv(ctx) {
    return { body: provisionsCsv(await complianceView(ctx.deps, actorOf(ctx))), filename: 'provisions.csv' };
  },
  async exportDeliveriesCsv(ctx) {
    return { body: deliveriesCsv(await complianceView(ctx.deps, actorOf(ctx))), filename: 'provision-deliveries.csv' };
  },
};
