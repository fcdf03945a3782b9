/** @module Kysely table types of the monitoring tables (migration 004-monitoring). */
import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './columns.ts';
import type { IncidentAction, IncidentStatus, Outcome } from '../../contract/monitoring/enums.ts';

export type { IncidentAction } from '../../contract/monitoring/enums.ts';

export type Side = 'held' | 'released';

export interface IncidentTable {
  id: string;
  title: string;
  status: IncidentStatus;
  outcome: Outcome | null;
  provision_id: string | null;
  responsible_org_id: string | null;
  event_type: string;
  sub_event_type: string;
  occurred_at: Timestamp;
  lon: number;
  lat: number;
  sector_id: string | null;
  side: Side | null;
  /** What an audience seeing coarsened locations is shown and filtered by (migration 014). */
  coarse_lon: number;
  coarse_lat: number;
  coarse_sector_id: string | null;
  coarse_side: Side | null;
  report_count: number;
  assignee_user_id: string | null;
  merged_into: string | null;
  ruling_round: number;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReportTable {
  id: string;
  client_id: string;
  incident_id: string;
  sector_id: string;
  side: Side | null;
  /** The sector and side of the coarse point (migration 014). */
  coarse_sector_id: string;
  coarse_side: Side | null;
  occurred_at: Timestamp;
  time_precision: number;
  lon: number;
  lat: number;
  geo_precision: number;
  event_type: string;
  sub_event_type: string;
  observations: Json;
  actor1: Json | null;
  actor2: Json | null;
  fatalities: Json;
  injuries: Json;
  source_kind: string;
  source_name: string;
  source_reliability: string;
  description: string;
  evidence: Json;
  author_user_id: string | null;
  author_org_id: string | null;
  version: number;
  created_at: Timestamp;
  /** The report's facts (contract/monitoring/facts.ts, without placeId) (migration 020). */
  facts: ColumnType<unknown, string | undefined, string>;
  place_id: string | null;
  /** The place shown to audiences seeing coarsened locations: null when the place is a site. */
  coarse_place_id: string | null;
}

/** A place of the mission's gazetteer (migration 020). */
export interface PlaceTable {
  id: string;
  names: Json;
  alternates: Json;
  lon: number;
  lat: number;
  sector_id: string;
  radius_km: number;
  illustrative: boolean;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IncidentEventTable {
  id: string;
  seq: Generated<number>;
  incident_id: string;
  action: IncidentAction;
  from_status: IncidentStatus | null;
  to_status: IncidentStatus | null;
  outcome: Outcome | null;
  rationale: string;
  round: number;
  related_incident_id: string | null;
  detail: Json;
  actor_user_id: string | null;
  actor_org_id: string | null;
  at: Timestamp;
}

export interface EvidenceTable {
  sha256: string;
  media_type: string;
  size: number;
  content: Uint8Array;
  uploaded_by: string | null;
  created_at: Timestamp;
}

/** Derived counts for the map (not a record: rebuilt from `incidents` at any time). */
export interface IncidentGridTable {
  level: number;
  gx: number;
  gy: number;
  status: string;
  event_type: string;
  n: number;
  sum_lon: number;
  sum_lat: number;
  violations: number;
}

/** An import being staged, or finished and awaiting the deletion of its staged rows (migration 015). */
export interface ReportImportTable {
  id: string;
  actor_user_id: string | null;
  state: 'staging' | 'published' | 'abandoned';
  staged: number;
  created_at: Timestamp;
  touched_at: Timestamp;
}

export interface ReportImportRowTable {
  import_id: string;
  seq: number;
  target: string;
  row: Json;
}

/**
 * Who must decide what, per mission (migration 022): the quorum of monitoring bodies for a
 * ruling and for an appeal decision, whether the proposer's own body counts, and how long the
 * party named responsible has to appeal. One row per mission; absent, the defaults apply.
 */
export interface MonitoringRulesTable {
  /** The mission's id. */
  id: string;
  ruling_quorum: number;
  appeal_quorum: number;
  proposer_counts: boolean;
  appeal_days: number;
  version: number;
  updated_at: Timestamp;
}

export interface MonitoringTables {
  monitoring_rules: MonitoringRulesTable;
  report_imports: ReportImportTable;
  report_import_rows: ReportImportRowTable;
  incident_grid: IncidentGridTable;
  /** The same pyramid over coarse points, for audiences that see coarsened locations. */
  incident_coarse_grid: IncidentGridTable;
  incidents: IncidentTable;
  reports: ReportTable;
  incident_events: IncidentEventTable;
  evidence: EvidenceTable;
  places: PlaceTable;
}
