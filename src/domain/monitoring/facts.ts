/**
 * @module Who sees which fact of a report (issue 13), as pure rules shared by the presenter, the
 * report's record kind (what the public log gets) and `truce verify`'s reader.
 *
 * - The alleged perpetrator is the monitoring team's until the incident is ruled: a party told
 *   "the other side is alleged to have fired" before the joint verification could act on it.
 * - The source of a casualty figure may name a hospital, a doctor or a family: team only.
 * - The direction and distance from the observer, with the report's point, give the exact point
 *   of the observer or of the event: team only (never coarsened: a bearing has no coarse form).
 * - A named place locates the event as well as its extent does: it is shown to an audience of
 *   coarsened locations only when it extends beyond a coarse cell (a governorate, a town), never
 *   when it is a site (a crossing, a junction) that would locate the event better than the
 *   coarse point. `coarse_place_id` stores that decision when the report is filed.
 * Everything else (counts, weapon, calibre, times, method, confidence) is public.
 */
import type { ReportFacts } from '../../contract/monitoring/facts.ts';

/** The stored facts: the contract's without the place (a column of its own). */
export type StoredFacts = Omit<ReportFacts, 'placeId'>;

/**
 * A place at least this wide (radius, km) is shown to coarsened audiences: the diagonal of a
 * coarse cell (PUBLIC_PRECISION_DEGREES, 0.01 degree, about 1.1 km by 0.95 km here) is about
 * 1.5 km; a finer grid would need its own threshold.
 */
export const COARSE_PLACE_MIN_RADIUS_KM = 1.5;

/** The place a coarsened audience is told: the place itself only if it is no site. */
export function coarsePlaceId(place: { id: string; radius_km: number } | null): string | null {
  if (!place) return null;
  return place.radius_km >= COARSE_PLACE_MIN_RADIUS_KM ? place.id : null;
}

/** Whether the alleged perpetrator may be shown outside the team: once the incident is ruled. */
export const RULED_STATUSES = ['ruled', 'published'] as const;
export function perpetratorReleased(incidentStatus: string): boolean {
  return (RULED_STATUSES as readonly string[]).includes(incidentStatus);
}

type Json = null | string | number | boolean | Json[] | { [k: string]: Json };

/** A copy without undefined members (JSON has none), so leaves and API shapes compare equal. */
function defined(o: Record<string, unknown>): Record<string, Json> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, Json>;
}

/**
 * The facts split for the log: public ones in clear, restricted ones to commit. Members absent
 * from the report are absent from both (a report without facts logs exactly what it did before
 * issue 13, so `truce audit` of an upgraded database still matches its older leaves).
 */
export function splitFacts(stored: StoredFacts): { public: Record<string, Json>; restricted: Record<string, Json> } {
  const { perpetrator, casualties, bearingDegrees, distanceMetres, ...open } = stored;
  const { source: casualtySource, ...counts } = casualties ?? {};
  const pub = defined({ ...open, ...(casualties ? { casualties: defined(counts) } : {}) });
  const restricted = defined({
    perpetrator: perpetrator ? defined(perpetrator) : undefined,
    casualtySource,
    bearingDegrees,
    distanceMetres,
  });
  return { public: pub, restricted };
}
