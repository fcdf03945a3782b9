/** @module Kysely table types of the compliance tables (migration in src/db/migrations). */
import type { ColumnType } from 'kysely';
import type { DisputeStatus, MeasureKind, ProvisionType } from '../../contract/compliance/enums.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface PersonData {
  name: string;
  idNumber?: string;
}

export interface AgreementEventTable {
  id: string;
  key: string;
  name: string;
  occurred_at: Timestamp | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProvisionTable {
  id: string;
  phase: number;
  reference: string;
  title: string;
  body: string;
  provision_type: ProvisionType;
  /** Obligated parties (organisation ids), a JSON array. */
  party_ids: Json<string[]>;
  intermediary_org_id: string | null;
  depends_on_id: string | null;
  deadline_kind: 'none' | 'absolute' | 'relative';
  deadline_at: Timestamp | null;
  anchor_event_id: string | null;
  anchor_provision_id: string | null;
  offset_amount: number | null;
  offset_unit: 'hours' | 'days' | null;
  measure: MeasureKind;
  target: number | null;
  /** rate measures: how many are due per day from the deadline on. */
  per_day: number | null;
  unit: string;
  ratio_of_id: string | null;
  ratio_per_unit: number | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProvisionDeliveryTable {
  id: string;
  provision_id: string;
  organisation_id: string | null;
  count: number;
  occurred_at: Timestamp;
  verifier: string;
  location: string;
  evidence: string;
  /** Restricted: names and ids; only commitments of it enter the log. */
  persons: Json<PersonData[] | null> | null;
  persons_named: number;
  recorded_by: string | null;
  version: number;
  created_at: Timestamp;
}

export interface ProvisionAssessmentTable {
  id: string;
  provision_id: string;
  score: number;
  evidence: string;
  rationale: string;
  assessed_by: string | null;
  assessed_at: Timestamp;
  version: number;
}

export interface ProvisionDisputeTable {
  id: string;
  provision_id: string;
  organisation_id: string;
  reason: string;
  status: DisputeStatus;
  resolution: string;
  opened_by: string | null;
  opened_at: Timestamp;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  version: number;
}

export interface ComplianceTables {
  agreement_events: AgreementEventTable;
  provisions: ProvisionTable;
  provision_deliveries: ProvisionDeliveryTable;
  provision_assessments: ProvisionAssessmentTable;
  provision_disputes: ProvisionDisputeTable;
}
