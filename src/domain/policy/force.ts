/** @module Grants of the force actions, merged into the one policy in src/domain/policy.ts. */
import { RELEASE_LEVELS, type ReleaseLevel, type Role } from '../../contract/enums.ts';
import type { Grant } from './grant.ts';
import { isImpartial, type OrgLink } from './standing.ts';

export const FORCE_ACTIONS = [
  'contribution.transition',
  'contribution.certify',
  'force.read',
  'requirement.write',
  'handover.read',
  'milestone.write',
  'deployment.write',
  'force.release',
] as const;
export type ForceAction = (typeof FORCE_ACTIONS)[number];

// Every role may open the plan and the gap; what each record shows is then decided by its
// releasability (mayRead below), so a party sees the handover it is part of and nothing more.
const READ: Partial<Record<ForceAction, Grant>> = { 'force.read': 'all', 'handover.read': 'all' };
const PLAN: Partial<Record<ForceAction, Grant>> = {
  'contribution.transition': 'all',
  'contribution.certify': 'all',
  'requirement.write': 'all',
  'milestone.write': 'all',
  'deployment.write': 'all',
};

export const FORCE_GRANTS: Record<Role, Partial<Record<ForceAction, Grant>>> = {
  admin: { ...READ, ...PLAN },
  // Releasing the force's plan is an operational decision: coordinators only (admins manage
  // accounts; they do not decide what the parties learn of the force).
  coordinator: { ...READ, ...PLAN, 'force.release': 'all' },
  monitor: { ...READ },
  // A contributor's liaison moves its own organisation's contributions (e.g. a pledge withdrawn).
  liaison: { ...READ, 'contribution.transition': 'own' },
  observer: { ...READ },
};

// ---- releasability

/** Rank of a level: 0 is the strictest (mission). */
export const releaseRank = (level: ReleaseLevel): number => RELEASE_LEVELS.indexOf(level);

/** The strictest of some levels (`public` for none: nothing restricts it). */
export function strictest(levels: Iterable<ReleaseLevel>): ReleaseLevel {
  let best: ReleaseLevel = 'public';
  for (const l of levels) if (releaseRank(l) < releaseRank(best)) best = l;
  return best;
}

/** True when `detail` is at least as strict as `record` (figures never travel further than the record). */
export function detailWithinRecord(record: ReleaseLevel, detail: ReleaseLevel): boolean {
  return releaseRank(detail) <= releaseRank(record);
}

/** The widest level a role reads by role alone (the party level also needs to be the party concerned). */
const AUDIENCE: Record<Role, ReleaseLevel> = {
  admin: 'mission',
  coordinator: 'mission',
  // Monitors of impartial bodies (UN, EUBAM) read the plan they help verify; a party's or a
  // state's monitor reads what the public reads (audience below), as the party's observer does.
  monitor: 'mission',
  liaison: 'contributors',
  observer: 'public',
};

/** Who a record concerns beyond its level: its owner (the contributing organisation) and the parties withdrawing where it applies. */
export interface Concerned {
  owner?: string | null;
  parties?: ReadonlySet<string>;
  /**
   * Organisations asked to consent to a decision whose subject this record is (issue 12): a
   * decision releases its subject to them whatever the record's level, since no one can consent
   * to what they may not read. The record only: its figures keep their own level.
   */
  asked?: ReadonlySet<string>;
}

export interface Reader {
  role: Role;
  organisationId: string;
  /**
   * Whether the reader's organisation contributes to the force. A liaison reads what is
   * released to contributors only then: a humanitarian organisation's liaison (the ICRC's) is
   * no contributor and reads what the public reads. Unknown (undefined) counts as not.
   */
  contributes?: boolean;
  /**
   * The reader's organisation and those above it (policy/standing.ts). A monitor reads the
   * mission's level only when they make an impartial body; unknown counts as not.
   */
  organisationChain?: readonly OrgLink[];
}

/** The widest level a reader reads by role and, for liaisons, by contributing; for monitors, by their body's impartiality. */
function audience(reader: Reader): ReleaseLevel {
  if (reader.role === 'liaison' && reader.contributes !== true) return 'public';
  if (reader.role === 'monitor' && !isImpartial(reader.organisationChain ?? [])) return AUDIENCE.observer;
  return AUDIENCE[reader.role];
}

/**
 * True when `reader` may read something released at `level`. null is the operator at the
 * console. The owner always reads its own record, an organisation asked to consent to it reads
 * the record; the party concerned reads `party` records.
 */
export function mayRead(reader: Reader | null, level: ReleaseLevel, concerned: Concerned = {}): boolean {
  if (reader === null) return true;
  if (releaseRank(audience(reader)) <= releaseRank(level)) return true;
  if (concerned.owner && concerned.owner === reader.organisationId) return true;
  if (concerned.asked?.has(reader.organisationId)) return true;
  return level === 'party' && (concerned.parties?.has(reader.organisationId) ?? false);
}

/** The widest level a reader reads by role (shown with computed figures: "computed on what is released to you"). */
export function audienceOf(reader: Reader | null): ReleaseLevel {
  return reader === null ? 'mission' : audience(reader);
}

// ---- history

/** How many days back a contributor may date its own declarations (finding 10: no pledge from 1970). */
export const DECLARATION_BACKDATE_DAYS = 14;

/**
 * The first day (days since the epoch) an actor may give as the effective day of a
 * contribution's status. Only the mission (coordinators, admins, the console) records history;
 * everyone else may date a declaration at most DECLARATION_BACKDATE_DAYS back, and never before
 * the mission started.
 */
export function earliestDeclarationDay(reader: Reader | null, today: number, missionStart: number): number | null {
  if (reader === null || reader.role === 'coordinator' || reader.role === 'admin') return null;
  return Math.max(today - DECLARATION_BACKDATE_DAYS, missionStart);
}

// ---- defaults

/**
 * Levels a record gets unless a coordinator says otherwise: who offers what is public (pledges
 * are announced), but strengths, caveats and arrival days stay with the mission; the mandate's
 * requirements go to contributors (force generation needs them); a withdrawal milestone and the
 * unit taking over (not its strength or last day) go to the party that withdraws.
 */
export const DEFAULT_RELEASE = {
  contribution: { releasability: 'public', detail_releasability: 'mission' },
  deployment: { releasability: 'party', detail_releasability: 'mission' },
  requirement: { releasability: 'contributors' },
  milestone: { releasability: 'party' },
} as const satisfies Record<string, { releasability: ReleaseLevel; detail_releasability?: ReleaseLevel }>;
