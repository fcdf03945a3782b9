/** @module Kysely table types of the force tables (migration 005-force). */
import type { Capability, ContributionStatus, ReleaseLevel } from '../../contract/enums.ts';
import type { MandateTask } from '../../contract/force.ts';
import type { Timestamp } from './columns.ts';

/** One row per status move of a contribution (the first is the status it was recorded with). */
export interface ContributionTransitionTable {
  id: string;
  contribution_id: string;
  from_status: ContributionStatus | null;
  to_status: ContributionStatus;
  /** date: 'YYYY-MM-DD' on both engines. */
  effective_on: string;
  reason: string;
  actor_user_id: string | null;
  recorded_at: Timestamp;
  version: number;
}

export interface SectorRequirementTable {
  id: string;
  task: MandateTask;
  capability: Capability;
  sector_id: string | null;
  phase: number;
  quantity: number;
  needed_by: string;
  note: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  releasability: ReleaseLevel;
}

export interface HandoverMilestoneTable {
  id: string;
  sector_id: string;
  kind: 'withdrawal';
  at: string;
  area: string;
  condition: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  releasability: ReleaseLevel;
  /** The withdrawing party (organisation of kind `party`), or null. */
  party_id: string | null;
}

export interface DeploymentTable {
  id: string;
  contribution_id: string;
  sector_id: string;
  from_date: string;
  to_date: string | null;
  strength: number;
  note: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  releasability: ReleaseLevel;
  detail_releasability: ReleaseLevel;
}

export interface ForceTables {
  contribution_transitions: ContributionTransitionTable;
  sector_requirements: SectorRequirementTable;
  handover_milestones: HandoverMilestoneTable;
  deployments: DeploymentTable;
}
