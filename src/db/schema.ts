/**
 * @module Kysely table types: the TypeScript view of the SQL in ./migrations.
 * Keep in step with the migrations; an integration test compares the two.
 */
import type { Generated } from 'kysely';
import type {
  Capability,
  ContributionKind,
  ContributionStatus,
  ContributionUnit,
  OrgKind,
  ReleaseLevel,
  Role,
} from '../contract/enums.ts';

import type { GeoTables } from './schema/geo.ts';
import type { MonitoringTables } from './schema/monitoring.ts';
import type { ForceTables } from './schema/force.ts';
import type { ComplianceTables } from './schema/compliance.ts';
import type { ConsentTables } from '../capabilities/consent/schema.ts';

import type { Json, Timestamp } from './schema/columns.ts';
export type { Json, Timestamp };

export interface MissionTable {
  id: string;
  name: string;
  force_ceiling: number;
  approval_quorum: number;
  created_at: Timestamp;
}

export interface OrganisationTable {
  id: string;
  name: string;
  kind: OrgKind;
  country: string | null;
  parent_id: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  organisation_id: string;
  role: Role;
  password_hash: string | null;
  disabled: boolean;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionTable {
  token_hash: Uint8Array;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  token_hash: Uint8Array;
  label: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  expires_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_by: string | null;
  version: Generated<number>;
}

/** One throttled key (account, address, account from an address, trusted device). */
export interface SignInThrottleTable {
  key: string;
  attempts: number;
  blocked_until: Timestamp;
  updated_at: Timestamp;
}

export interface AuthKeyTable {
  name: string;
  secret: Uint8Array;
  created_at: Timestamp;
}

export interface SignInEventTable {
  id: Generated<number>;
  email: string;
  user_id: string | null;
  ok: boolean;
  ip: string;
  at: Timestamp;
}

export interface ContributionTable {
  id: string;
  organisation_id: string;
  kind: ContributionKind;
  capability: Capability;
  /** numeric: returned as a decimal string by both engines. */
  quantity: string | null;
  unit: ContributionUnit;
  currency: string | null;
  status: ContributionStatus;
  caveats: string;
  expected_arrival: string | null;
  note: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Who may read the record, and who its figures (migration 011). */
  releasability: ReleaseLevel;
  detail_releasability: ReleaseLevel;
}

/** One row per change of any record: the audit trail and the outbox of the transparency log. */
export interface RecordChangeTable {
  id: Generated<number>;
  record_kind: string;
  record_id: string;
  version: number;
  op: string;
  actor_org_id: string | null;
  actor_user_id: string | null;
  at: Timestamp;
  /** Public fields plus salted commitments of restricted fields (never the restricted values). */
  payload: Json;
  log_index: number | null;
}

/** The restricted values and salts behind the commitments in record_changes.payload. */
export interface RecordSecretTable {
  change_id: number;
  field: string;
  salt: Uint8Array;
  value: Json;
}

export interface MetaTable {
  key: string;
  value: Json;
}

export interface LogStateTable {
  id: number;
  size: number;
  root: Uint8Array;
  checkpoint: string;
  updated_at: Timestamp;
  /** First log index written in leaf format v2 (migration 009); null: v1 everywhere. */
  leaf_v2_from: number | null;
}

export interface LogTileTable {
  level: number;
  idx: number;
  width: number;
  data: Uint8Array;
}

export interface LogEntryBundleTable {
  idx: number;
  width: number;
  data: Uint8Array;
}

export interface LogEntryTable {
  idx: number;
  data: Uint8Array;
}

export interface LogKeyTable {
  origin: string;
  signer_key: string;
  verifier_key: string;
  created_at: Timestamp;
}

export interface LogWitnessTable {
  cosigner_key: string;
  size: number;
  updated_at: Timestamp;
}

export interface LogPublishedTable {
  id: number;
  size: number;
  checkpoint: string;
  updated_at: Timestamp;
}

export interface FoundationTables {
  log_witnesses: LogWitnessTable;
  log_published: LogPublishedTable;
  log_state: LogStateTable;
  log_tiles: LogTileTable;
  log_entry_bundles: LogEntryBundleTable;
  log_keys: LogKeyTable;
  log_entries: LogEntryTable;
  missions: MissionTable;
  organisations: OrganisationTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  sign_in_events: SignInEventTable;
  sign_in_throttle: SignInThrottleTable;
  auth_keys: AuthKeyTable;
  contributions: ContributionTable;
  record_changes: RecordChangeTable;
  record_secrets: RecordSecretTable;
  meta: MetaTable;
}

/** Every table: the foundation's and each capability's (src/db/schema/<capability>.ts). */
export type DB = FoundationTables & GeoTables & MonitoringTables & ForceTables & ComplianceTables & ConsentTables;
