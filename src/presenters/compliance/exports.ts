/**
 * @module The compliance exports as CSV (HXL hashtags under the header): one row per provision,
 * and one row per delivery. They never carry person-level data, whatever the caller's role:
 * only how many persons were named.
 */
import type { ComplianceView, ProvisionView } from '../../services/compliance/view.ts';
import type { DeliveryRow } from '../../repositories/compliance/provisions.ts';
import { csvTable, type Column } from '../csv.ts';

type Names = ComplianceView['orgNames'];

const PROVISION_COLUMNS: readonly Column<ProvisionView, Names>[] = [
  ['id', '#meta+id', (p) => p.row.id],
  ['phase', '#indicator+phase', (p) => p.row.phase],
  ['reference', '#meta+ref', (p) => p.row.reference],
  ['title', '#indicator+name', (p) => p.row.title],
  ['type', '#indicator+type', (p) => p.row.provision_type],
  ['parties', '#group', (p, names) => p.row.party_ids.map((id) => names.get(id) ?? id).join('; ')],
  ['status', '#status', (p) => p.evaluation.status],
  ['deadline', '#date+deadline', (p) => p.evaluation.deadline?.toISOString() ?? null],
  ['delivered', '#value+delivered', (p) => p.evaluation.delivered],
  ['target', '#value+target', (p) => p.evaluation.target],
  ['due_now', '#value+due', (p) => p.evaluation.dueNow],
  ['pam_score', '#indicator+score', (p) => p.score],
  ['open_disputes', '#indicator+disputes', (p) => p.disputes.filter((d) => d.status === 'open').length],
  ['ruled_violations', '#indicator+violations', (p) => p.violations.length],
];

interface Delivery {
  provision: ProvisionView;
  delivery: DeliveryRow;
}

const DELIVERY_COLUMNS: readonly Column<Delivery, Names>[] = [
  ['id', '#meta+id', ({ delivery }) => delivery.id],
  ['provision_id', '#meta+provision', ({ provision }) => provision.row.id],
  ['provision', '#indicator+name', ({ provision }) => provision.row.title],
  ['occurred_at', '#date+occurred', ({ delivery }) => new Date(delivery.occurred_at).toISOString()],
  ['count', '#value', ({ delivery }) => Number(delivery.count)],
  [
    'delivered_by',
    '#group',
    ({ delivery }, names) =>
      delivery.organisation_id === null ? null : (names.get(delivery.organisation_id) ?? delivery.organisation_id),
  ],
  ['verifier', '#org+verifier', ({ delivery }) => delivery.verifier],
  ['location', '#loc+name', ({ delivery }) => delivery.location],
  ['evidence', '#description', ({ delivery }) => delivery.evidence],
  ['persons_named', '#affected+named', ({ delivery }) => delivery.persons_named],
];

export function provisionsCsv(view: ComplianceView): string {
  return csvTable(PROVISION_COLUMNS, view.provisions, view.orgNames);
}

export function deliveriesCsv(view: ComplianceView): string {
  return csvTable(
    DELIVERY_COLUMNS,
    view.provisions.flatMap((provision) => provision.deliveries.map((delivery) => ({ provision, delivery }))),
    view.orgNames,
  );
}
