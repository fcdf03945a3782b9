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

export interface ConsentTables {
  consent_rules: ConsentRuleTable;
  decisions: DecisionTable;
  decision_answers: DecisionAnswerTable;
  decision_notes: DecisionNoteTable;
}
