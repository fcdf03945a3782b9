/** @module How `truce verify` reads provisions and agreement events through the API. */
import type { ApiRecords } from '../kinds/kind.ts';

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
