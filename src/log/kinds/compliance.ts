/** @module Record kinds of compliance, as `truce audit` reads them from the database. */
import { allRows } from '../../repositories/audit.ts';
import { compliancePublicFields, restrictedDeliveryFields } from '../fields/compliance.ts';
import type { ApiRecords, AuditedKind } from './kind.ts';

export const complianceKinds: AuditedKind[] = [
  {
    kind: 'agreement_event',
    load: async (db) =>
      (await allRows(db, 'agreement_events')).map((e) => ({
        kind: 'agreement_event',
        id: e.id,
        version: e.version,
        fields: compliancePublicFields.agreementEvent(e),
      })),
  },
  {
    kind: 'provision',
    load: async (db) =>
      (await allRows(db, 'provisions')).map((p) => ({
        kind: 'provision',
        id: p.id,
        version: p.version,
        fields: compliancePublicFields.provision(p),
      })),
  },
  {
    kind: 'provision_delivery',
    load: async (db) =>
      (await allRows(db, 'provision_deliveries')).map((d) => ({
        kind: 'provision_delivery',
        id: d.id,
        version: d.version,
        fields: compliancePublicFields.delivery(d),
        restricted: restrictedDeliveryFields(d) ?? {},
      })),
  },
  {
    kind: 'provision_assessment',
    load: async (db) =>
      (await allRows(db, 'provision_assessments')).map((a) => ({
        kind: 'provision_assessment',
        id: a.id,
        version: a.version,
        fields: compliancePublicFields.assessment(a),
      })),
  },
  {
    kind: 'provision_dispute',
    load: async (db) =>
      (await allRows(db, 'provision_disputes')).map((d) => ({
        kind: 'provision_dispute',
        id: d.id,
        version: d.version,
        fields: compliancePublicFields.dispute(d),
      })),
  },
];

// What an account reads through the API, compared field by field with the latest leaves.
export const complianceApiRecords: ApiRecords[] = [
  async (client) => {
    const { items } = await client.call('listProvisions', {});
    return items.flatMap((p) => [
      {
        kind: 'provision',
        id: p.id,
        version: p.version,
        fields: {
          phase: p.phase,
          reference: p.reference,
          title: p.title,
          text: p.text,
          type: p.type,
          deadlineRule: p.deadlineRule,
          measure: p.measure,
        },
      },
      ...p.deliveries.map((d) => ({ kind: 'provision_delivery', id: d.id, version: d.version, fields: d })),
      ...p.assessments.map((a) => ({ kind: 'provision_assessment', id: a.id, version: a.version, fields: a })),
      ...p.disputes.map((d) => ({ kind: 'provision_dispute', id: d.id, version: d.version, fields: d })),
    ]);
  },
  async (client) =>
    (await client.call('getComplianceSummary', {})).events.map((e) => ({
      kind: 'agreement_event',
      id: e.id,
      version: e.version,
      fields: e,
    })),
];
