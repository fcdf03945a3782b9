/** @module Queries on the compliance tables, and the one cross-capability read (ruled violations). */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type {
  AgreementEventTable,
  ProvisionAssessmentTable,
  ProvisionDeliveryTable,
  ProvisionDisputeTable,
  ProvisionTable,
} from '../../db/schema/compliance.ts';

export type ProvisionRow = Selectable<ProvisionTable>;
export type DeliveryRow = Selectable<ProvisionDeliveryTable>;
export type AssessmentRow = Selectable<ProvisionAssessmentTable>;
export type DisputeRow = Selectable<ProvisionDisputeTable>;
export type AgreementEventRow = Selectable<AgreementEventTable>;

export const COMPLIANCE_KINDS = [
  'agreement_event',
  'provision',
  'provision_delivery',
  'provision_assessment',
  'provision_dispute',
];

export interface ViolationRow {
  id: string;
  title: string;
  status: string;
  provision_id: string;
  responsible_org_id: string | null;
  updated_at: Date;
}

export interface ComplianceRows {
  provisions: ProvisionRow[];
  deliveries: DeliveryRow[];
  assessments: AssessmentRow[];
  disputes: DisputeRow[];
  events: AgreementEventRow[];
  violations: ViolationRow[];
  orgNames: Map<string, string>;
  /** Log index of each compliance record's latest change, by `kind/id` (absent until sequenced). */
  logIndexes: Map<string, number>;
}

export function findProvision(db: Kysely<DB>, id: string): Promise<ProvisionRow | undefined> {
  return db.selectFrom('provisions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDispute(db: Kysely<DB>, id: string): Promise<DisputeRow | undefined> {
  return db.selectFrom('provision_disputes').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Violations ruled by monitoring that cite a provision. The `incidents` table belongs to the
 * monitoring capability (migration 004) and is read through plain SQL so this module does not
 * depend on its TypeScript types; until that table exists there are no rulings to show.
 */
export async function ruledViolations(db: Kysely<DB>): Promise<ViolationRow[]> {
  const exists = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.tables
    where table_name = 'incidents' and table_schema = current_schema()`.execute(db);
  if ((exists.rows[0]?.n ?? 0) === 0) return [];
  const rows = await sql<ViolationRow>`
    select id, title, status, provision_id, responsible_org_id, updated_at from incidents
    where status in ('ruled', 'published', 'appealed') and outcome = 'violation' and provision_id is not null
    order by updated_at`.execute(db);
  return rows.rows.map((r) => ({ ...r, updated_at: new Date(r.updated_at) }));
}

/**
 * Everything the compliance views derive from, read in one go: statuses depend on other
 * provisions (ratio sources, anchors, dependencies), so even one provision needs the agreement.
 */
export async function loadCompliance(db: Kysely<DB>): Promise<ComplianceRows> {
  // Sequential on purpose: PGlite serialises anyway, and a pool needs no more than one connection here.
  const provisions = await db
    .selectFrom('provisions')
    .selectAll()
    .orderBy('phase')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const deliveries = await db
    .selectFrom('provision_deliveries')
    .selectAll()
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  const assessments = await db
    .selectFrom('provision_assessments')
    .selectAll()
    .orderBy('assessed_at')
    .orderBy('id')
    .execute();
  const disputes = await db.selectFrom('provision_disputes').selectAll().orderBy('opened_at').orderBy('id').execute();
  const events = await db.selectFrom('agreement_events').selectAll().orderBy('occurred_at').execute();
  const orgs = await db.selectFrom('organisations').select(['id', 'name']).execute();
  const violations = await ruledViolations(db);
  const changes = await db
    .selectFrom('record_changes')
    .select(['record_kind', 'record_id', 'log_index'])
    .where('record_kind', 'in', COMPLIANCE_KINDS)
    .where('log_index', 'is not', null)
    .orderBy('version')
    .execute();
  const logIndexes = new Map(changes.map((c) => [`${c.record_kind}/${c.record_id}`, c.log_index!]));
  return {
    provisions,
    deliveries,
    assessments,
    disputes,
    events,
    violations,
    orgNames: new Map(orgs.map((o) => [o.id, o.name])),
    logIndexes,
  };
}
