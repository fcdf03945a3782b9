/**
 * @module Who must decide what, per mission (issue 13), and the appeal period. Pure: the
 * defaults (no single organisation decides alone; 14 days to appeal) and the period's end.
 */
import { MIN_APPROVAL_QUORUM } from './ruling.ts';

export interface RulingRules {
  rulingQuorum: number;
  appealQuorum: number;
  /** Whether the proposer's own body counts towards its proposal. */
  proposerCounts: boolean;
  appealDays: number;
}

export const DEFAULT_APPEAL_DAYS = 14;

/** The rules in force: the mission's own, or defaults built on its older `approval_quorum`. */
export function rulesInForce(stored: RulingRules | undefined, missionQuorum: number): RulingRules {
  return (
    stored ?? {
      rulingQuorum: Math.max(MIN_APPROVAL_QUORUM, missionQuorum),
      appealQuorum: MIN_APPROVAL_QUORUM,
      proposerCounts: true,
      appealDays: DEFAULT_APPEAL_DAYS,
    }
  );
}

/** The last moment an appeal may be filed against a ruling made at `ruledAt`. */
export function appealDeadline(ruledAt: Date, days: number): Date {
  return new Date(ruledAt.getTime() + days * 86_400_000);
}
