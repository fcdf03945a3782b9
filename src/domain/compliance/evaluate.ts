/**
 * @module The whole agreement at one moment: resolves each provision's deadline (absolute, or
 * relative to an agreement event or to another provision's fulfilment), its dependency and its
 * ratio source, then derives its status. Pure; provisions only refer to earlier ones, and a
 * visited set guards against cycles anyway.
 */
import { resolveDeadline, type DeadlineRule } from './deadline.ts';
import { deriveStatus, type DeliveryPoint, type Evaluation, type MeasureKind } from './status.ts';

export interface ProvisionFacts {
  id: string;
  measure: MeasureKind;
  target: number | null;
  ratio: { sourceId: string; perUnit: number } | null;
  deadline: DeadlineRule;
  anchor: { eventId: string } | { provisionId: string } | null;
  dependsOnId: string | null;
  deliveries: readonly DeliveryPoint[];
  score: number | null;
  ruledViolations: number;
}

export interface ProvisionEvaluation extends Evaluation {
  deadline: Date | null;
  started: boolean;
}

export function evaluateAgreement(
  provisions: readonly ProvisionFacts[],
  eventTimes: ReadonlyMap<string, Date | null>,
  now: Date,
  timeZone: string,
): Map<string, ProvisionEvaluation> {
  const byId = new Map(provisions.map((p) => [p.id, p]));
  const done = new Map<string, ProvisionEvaluation>();
  const visiting = new Set<string>();

  const evaluate = (id: string): ProvisionEvaluation | undefined => {
    const cached = done.get(id);
    if (cached) return cached;
    const p = byId.get(id);
    if (!p || visiting.has(id)) return undefined;
    visiting.add(id);
    let anchorAt: Date | null = null;
    if (p.anchor && 'eventId' in p.anchor) anchorAt = eventTimes.get(p.anchor.eventId) ?? null;
    else if (p.anchor) anchorAt = evaluate(p.anchor.provisionId)?.fulfilledAt ?? null;
    const deadline = resolveDeadline(p.deadline, anchorAt, timeZone);
    const started = p.dependsOnId === null || evaluate(p.dependsOnId)?.met === true;
    let ratio: { perUnit: number; sourceDelivered: number; sourceFulfilled: boolean } | undefined;
    if (p.ratio) {
      const source = evaluate(p.ratio.sourceId);
      ratio = {
        perUnit: p.ratio.perUnit,
        sourceDelivered: source?.delivered ?? 0,
        sourceFulfilled: source?.met === true,
      };
    }
    const result = deriveStatus({
      now,
      measure: p.measure,
      target: p.target,
      ratio,
      deadline,
      started,
      deliveries: p.deliveries,
      score: p.score,
      ruledViolations: p.ruledViolations,
    });
    const evaluation = { ...result, deadline, started };
    visiting.delete(id);
    done.set(id, evaluation);
    return evaluation;
  };

  for (const p of provisions) evaluate(p.id);
  return done;
}
