/** @module The compliance routes of the API (see src/contract/routes.ts, which merges every module's table). */
import { IdParams } from '../common.ts';
import { route } from '../route.ts';
import {
  AgreementEventWritten, CreateAgreementEvent, UpdateAgreementEvent, AssessmentWritten, ComplianceSummary, CreateAssessment, CreateDelivery, CreateDispute, CreateProvision,
  DeliveryWritten, DisputeWritten, Provision, ProvisionList, ProvisionWritten, ResolveDispute,
} from '../compliance.ts';

export const complianceRoutes = {
  listProvisions: route({
    method: 'get', path: '/api/provisions', tag: 'compliance', auth: 'account', status: 200,
    summary: 'Every provision of the agreement with its derived status, deliveries, scores and disputes (names only for the roles that handle them)',
    response: ProvisionList,
  }),
  getProvision: route({
    method: 'get', path: '/api/provisions/{id}', tag: 'compliance', auth: 'account', status: 200,
    summary: 'One provision with its history', params: IdParams, response: Provision,
  }),
  createProvision: route({
    method: 'post', path: '/api/provisions', tag: 'compliance', auth: 'account', status: 201,
    summary: 'Add a provision of the agreement (coordinator, admin)', body: CreateProvision, response: ProvisionWritten,
  }),
  createDelivery: route({
    method: 'post', path: '/api/provisions/{id}/deliveries', tag: 'compliance', auth: 'account', status: 201,
    summary: 'Record a delivery event counted against a provision (person-level data only from the intermediary or coordinators)',
    params: IdParams, body: CreateDelivery, response: DeliveryWritten,
  }),
  createAssessment: route({
    method: 'post', path: '/api/provisions/{id}/assessments', tag: 'compliance', auth: 'account', status: 201,
    summary: 'Assign the Peace Accords Matrix score 0-3 with evidence and rationale (coordinator, admin)',
    params: IdParams, body: CreateAssessment, response: AssessmentWritten,
  }),
  createDispute: route({
    method: 'post', path: '/api/provisions/{id}/disputes', tag: 'compliance', auth: 'account', status: 201,
    summary: "A party disputes a provision's status, with a reason", params: IdParams, body: CreateDispute, response: DisputeWritten,
  }),
  resolveDispute: route({
    method: 'post', path: '/api/provision-disputes/{id}/resolution', tag: 'compliance', auth: 'account', status: 200,
    summary: 'Resolve a dispute: upheld or rejected, with the resolution (coordinator, admin)',
    params: IdParams, body: ResolveDispute, response: DisputeWritten,
  }),
  createAgreementEvent: route({
    method: 'post', path: '/api/agreement-events', tag: 'compliance', auth: 'account', status: 201,
    summary: 'Add an event deadlines can count from, e.g. the ceasefire taking effect (coordinator, admin)',
    body: CreateAgreementEvent, response: AgreementEventWritten,
  }),
  updateAgreementEvent: route({
    method: 'patch', path: '/api/agreement-events/{id}', tag: 'compliance', auth: 'account', status: 200,
    summary: 'Record when an agreement event happened; relative deadlines follow (coordinator, admin)',
    params: IdParams, body: UpdateAgreementEvent, response: AgreementEventWritten,
  }),
  getComplianceSummary: route({
    method: 'get', path: '/api/compliance/summary', tag: 'compliance', auth: 'account', status: 200,
    summary: 'Implementation per phase and per party as the Peace Accords Matrix rolls it up, with agreement events',
    response: ComplianceSummary,
  }),
  complianceEvents: route({
    method: 'get', path: '/api/compliance/events', tag: 'compliance', auth: 'account', status: 200, permission: 'provision.read',
    summary: 'Server-Sent Events: a provision changed (delivery, score, dispute)',
    produces: { kind: 'sse' },
  }),
  exportProvisionsCsv: route({
    method: 'get', path: '/api/exports/provisions.csv', tag: 'compliance', auth: 'account', status: 200,
    summary: 'Provisions with derived statuses as CSV (HXL tags; never names)',
    produces: { kind: 'csv' },
  }),
  exportDeliveriesCsv: route({
    method: 'get', path: '/api/exports/provision-deliveries.csv', tag: 'compliance', auth: 'account', status: 200,
    summary: 'Delivery events as CSV (counts only; never names)',
    produces: { kind: 'csv' },
  }),
} as const;
