/**
 * @module What an incident's history says about its ruling (issue 13), as pure functions: when
 * it was ruled and by which bodies, who proposed a round, whether the ruling was already
 * appealed, and whether an appeal may be filed now.
 */
import type { IncidentStatus } from '../../contract/monitoring/enums.ts';
import { appealDeadline } from './rules.ts';
import { checkTransition } from './workflow.ts';

/** The parts of a history event these rules read. */
export interface EventFact {
  action: string;
  from_status: IncidentStatus | null;
  to_status: IncidentStatus | null;
  at: Date | string;
  round: number;
  actor_org_id: string | null;
  detail: unknown;
}

export interface RulingFact {
  at: Date;
  round: number;
  /** The bodies whose approval made the ruling (logged on the event that made it). */
  approvingOrganisationIds: string[];
}

const approvingIds = (detail: unknown): string[] => {
  const d = typeof detail === 'string' ? (JSON.parse(detail) as unknown) : detail;
  const ids =
    d !== null && typeof d === 'object'
      ? (d as { approvingOrganisationIds?: unknown }).approvingOrganisationIds
      : undefined;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
};

/** The last ruling made by joint approval of a proposal (an appeal's dismissal does not restart the period). */
export function lastRuling(history: readonly EventFact[]): RulingFact | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i]!;
    if (e.action === 'transition' && e.from_status === 'ruling_proposed' && e.to_status === 'ruled')
      return { at: new Date(e.at), round: e.round, approvingOrganisationIds: approvingIds(e.detail) };
  }
  return null;
}

/** Whether that ruling was already appealed: one appeal per ruling. */
export function appealedSince(history: readonly EventFact[], ruling: RulingFact): boolean {
  return history.some((e) => e.action === 'appeal' && e.round > ruling.round);
}

/** The organisation of whoever proposed the ruling of `round` (null: the console, or none). */
export function proposerOrganisation(history: readonly EventFact[], round: number): string | null {
  const e = history.find((h) => h.action === 'transition' && h.to_status === 'ruling_proposed' && h.round === round);
  return e?.actor_org_id ?? null;
}

export type AppealCheck = { ok: true; deadline: Date } | { ok: false; message: string; deadline: Date | null };

/** Whether the responsible party may appeal now (the workflow table, the period, one appeal per ruling). */
export function checkAppeal(
  status: IncidentStatus,
  history: readonly EventFact[],
  appealDays: number,
  now: Date,
): AppealCheck {
  const ruling = lastRuling(history);
  const deadline = ruling ? appealDeadline(ruling.at, appealDays) : null;
  const step = checkTransition(status, { to: 'appealed' }, 'appeal');
  if (!step.ok || !ruling || !deadline)
    return { ok: false, message: `only a ruling can be appealed; this incident is ${status}`, deadline };
  if (appealedSince(history, ruling)) return { ok: false, message: 'this ruling was already appealed', deadline };
  if (now > deadline) return { ok: false, message: `the appeal period ended on ${deadline.toISOString()}`, deadline };
  return { ok: true, deadline };
}
