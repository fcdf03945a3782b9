/**
 * @module The status of a provision, derived (never typed by hand) from its deliveries, its
 * deadline, rulings and the coordinator's score. Pure: the caller passes "now".
 * A party's dispute is deliberately NOT an input: a dispute is a flag shown beside the status
 * (see `disputeFlag`), so no party can turn a breach or a delay into something else with one
 * request. Only the facts (deliveries, rulings, scores, deadlines) move the status.
 */

import type { MeasureKind, ProvisionStatus } from '../../contract/compliance/enums.ts';

export type { MeasureKind, ProvisionStatus };

const DAY_MS = 86_400_000;

export interface DeliveryPoint {
  count: number;
  occurredAt: Date;
}

export interface StatusInput {
  now: Date;
  measure: MeasureKind;
  /** count: the target; rate: the number due per day; milestone: 1; ratio: ignored (see `ratio`); judgement: ignored. */
  target: number | null;
  /** ratio measures: what the provision it is measured against has delivered, and whether that is complete. */
  ratio?: { perUnit: number; sourceDelivered: number; sourceFulfilled: boolean };
  deadline: Date | null;
  /** False while a provision this one depends on ("begins when X is verified") is not fulfilled. */
  started: boolean;
  deliveries: readonly DeliveryPoint[];
  /** Latest Peace Accords Matrix score (0-3) or null when not assessed. */
  score: number | null;
  /** Violations ruled by monitoring that cite this provision. */
  ruledViolations: number;
}

export interface Evaluation {
  status: ProvisionStatus;
  /** The facts meet the provision: what dependants and ratios rely on. */
  met: boolean;
  /** Counted so far (deliveries that occurred at or before now). */
  delivered: number;
  /** What the whole provision requires, when countable (ratio: so far, as the source stands). */
  target: number | null;
  /** What should have been delivered by now, when the deadline has passed or a ratio applies. */
  dueNow: number | null;
  /** When the target was first met, from the delivery times (judgements: null). */
  fulfilledAt: Date | null;
  /** Fulfilled, but after the deadline. */
  fulfilledLate: boolean;
}

function fulfilmentTime(points: readonly DeliveryPoint[], target: number): Date | null {
  let sum = 0;
  for (const p of [...points].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())) {
    sum += p.count;
    if (sum >= target) return p.occurredAt;
  }
  return null;
}

/**
 * Precedence, from strongest: fulfilment, then a ruled violation (breached), then a passed
 * deadline with less delivered than due (late), then any delivery (in progress), else not started.
 */
export function deriveStatus(input: StatusInput): Evaluation {
  const counted = input.deliveries.filter((d) => d.occurredAt.getTime() <= input.now.getTime());
  const delivered = counted.reduce((s, d) => s + d.count, 0);
  const deadlinePassed = input.deadline !== null && input.now.getTime() > input.deadline.getTime();

  let target: number | null;
  let fulfilled: boolean;
  let behind: boolean;
  let rateDue: number | null = null;
  switch (input.measure) {
    case 'count':
    case 'milestone': {
      target = input.measure === 'milestone' ? 1 : (input.target ?? 0);
      fulfilled = delivered >= target && target > 0;
      behind = !fulfilled;
      break;
    }
    case 'ratio': {
      const r = input.ratio ?? { perUnit: 0, sourceDelivered: 0, sourceFulfilled: false };
      target = r.perUnit * r.sourceDelivered;
      behind = delivered < target;
      fulfilled = r.sourceFulfilled && !behind && target > 0;
      break;
    }
    case 'rate': {
      // A continuing obligation: never "fulfilled", only on pace or behind. Due from the deadline
      // on, per whole day elapsed; only what was delivered since then counts against it.
      target = null;
      fulfilled = false;
      rateDue = deadlinePassed
        ? (input.target ?? 0) * Math.floor((input.now.getTime() - input.deadline!.getTime()) / DAY_MS)
        : null;
      const since = counted
        .filter((d) => d.occurredAt.getTime() >= (input.deadline?.getTime() ?? 0))
        .reduce((s, d) => s + d.count, 0);
      behind = rateDue !== null && since < rateDue;
      break;
    }
    case 'judgement': {
      target = null;
      fulfilled = input.score === 3;
      behind = !fulfilled;
      break;
    }
  }

  const fulfilledAt = fulfilled && target !== null ? fulfilmentTime(counted, target) : null;
  const fulfilledLate =
    fulfilledAt !== null && input.deadline !== null && fulfilledAt.getTime() > input.deadline.getTime();
  const dueNow =
    input.measure === 'rate' ? rateDue : input.measure === 'ratio' ? target : deadlinePassed ? target : null;
  const base = { met: fulfilled, delivered, target, dueNow, fulfilledAt, fulfilledLate };

  if (fulfilled) return { status: 'fulfilled', ...base };
  if (input.ruledViolations > 0) return { status: 'breached', ...base };
  if (input.started && deadlinePassed && behind) return { status: 'late', ...base };
  const begun = delivered > 0 || (input.measure === 'judgement' && (input.score ?? 0) > 0);
  return { status: begun ? 'in_progress' : 'not_started', ...base };
}

/** What a dispute may say about a provision, whatever its status. */
export interface DisputeFact {
  organisationId: string;
  status: 'open' | 'upheld' | 'rejected';
}

export interface DisputeFlag {
  /** At least one dispute is open (not yet resolved by a coordinator). */
  disputed: boolean;
  /** The parties with an open dispute, each once, in the order they opened. */
  disputedBy: string[];
}

/** The dispute flag shown beside (never instead of) the derived status. */
export function disputeFlag(disputes: readonly DisputeFact[]): DisputeFlag {
  const disputedBy = [...new Set(disputes.filter((d) => d.status === 'open').map((d) => d.organisationId))];
  return { disputed: disputedBy.length > 0, disputedBy };
}
