/** @module Kysely table types of decisions and consent (migration 016-consent, beside this file). */
import type { ColumnType } from 'kysely';
import type { AnswerKind, DecisionKind, SubjectKind } from './contract/enums.ts';
import type { Caveat } from './contract/caveats.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface ConsentRuleTable {
  id: string;
  kind: DecisionKind;
  /** Organisation ids, a JSON array. */
  required_org_ids: Json<string[]>;
  /** null: all of them must consent. */
  quorum: number | null;
  illustrative: boolean;
  note: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DecisionSubjectData {
  kind: SubjectKind;
  id: string;
}

export interface DecisionTable {
  id: string;
  kind: DecisionKind;
  title: string;
  body: string;
  subjects: Json<DecisionSubjectData[]>;
  required_org_ids: Json<string[]>;
  quorum: number | null;
  /** Asked by the proposer beyond the rule: outside its quorum, each must consent (migration 023). */
  added_org_ids: Json<string[]>;
  due_at: Timestamp;
  proposer_user_id: string | null;
  proposer_org_id: string | null;
  proposed_at: Timestamp;
  cancelled_at: Timestamp | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DecisionAnswerTable {
  id: string;
  decision_id: string;
  decision_version: number;
  organisation_id: string;
  user_id: string | null;
  answer: AnswerKind;
  conditions: string;
  caveats: Json<Caveat[]>;
  reasons: string;
  /** The party's signature (migration 017): null on an unsigned answer. Hex salt of the content digest. */
  content_salt: string | null;
  /** Hex SHA-256 of the canonical JSON of conditions, caveats, reasons and salt: what the signature covers. */
  content_digest: string | null;
  /** Base64 Ed25519 signature over the answer's canonical statement (domain/signing.ts). */
  signature: string | null;
  key_fingerprint: string | null;
  answered_at: Timestamp;
  version: number;
  created_at: Timestamp;
}

export interface DecisionNoteTable {
  id: string;
  decision_id: string;
  author_user_id: string | null;
  body: string;
  version: number;
  created_at: Timestamp;
}

/** A party's own Ed25519 public key (migration 017). */
export interface PartyKeyTable {
  id: string;
  organisation_id: string;
  /** Base64 of the raw 32-byte key. */
  public_key: string;
  /** Hex SHA-256 of the raw key: what the party pins in `truce verify`. */
  fingerprint: string;
  registered_by_user_id: string | null;
  registered_at: Timestamp;
  retired_at: Timestamp | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A meeting (migration 018). `held_on` and `due_on` are calendar days, kept as YYYY-MM-DD. */
export interface MeetingTable {
  id: string;
  title: string;
  held_on: string;
  place: string;
  convening_org_id: string;
  attending_org_ids: Json<string[]>;
  agenda: string;
  minutes: string;
  decision_ids: Json<string[]>;
  illustrative: boolean;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeetingActionTable {
  id: string;
  meeting_id: string;
  title: string;
  owner_org_id: string;
  due_on: string;
  done_at: Timestamp | null;
  illustrative: boolean;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConsentTables {
  meetings: MeetingTable;
  meeting_actions: MeetingActionTable;
  party_keys: PartyKeyTable;
  consent_rules: ConsentRuleTable;
  decisions: DecisionTable;
  decision_answers: DecisionAnswerTable;
  decision_notes: DecisionNoteTable;
}
