/**
 * @module A report's facts as one reader may see them (rules in domain/monitoring/facts.ts):
 * withheld values become null. The place is given by its names (the reader's language is the
 * web UI's choice), never by its point: the incident's own location rules apply to points.
 */
import type { ShownFacts } from '../../contract/monitoring/facts.ts';
import { perpetratorReleased, type StoredFacts } from '../../domain/monitoring/facts.ts';
import type { ReportRow } from '../../repositories/monitoring/reports.ts';
import type { PlaceRow } from '../../repositories/monitoring/places.ts';

export interface FactsContext {
  /** The places the reports name, by id. */
  places: ReadonlyMap<string, PlaceRow>;
  /** The status of the report's incident (the perpetrator is released once it is ruled). */
  incidentStatus: string | null;
}

export const NO_FACTS_CONTEXT: FactsContext = { places: new Map(), incidentStatus: null };

export function presentFacts(r: ReportRow, team: boolean, ctx: FactsContext): ShownFacts {
  const f = (r.facts ?? {}) as StoredFacts;
  const placeId = team ? r.place_id : r.coarse_place_id;
  const place = placeId === null ? undefined : ctx.places.get(placeId);
  const released = team || (ctx.incidentStatus !== null && perpetratorReleased(ctx.incidentStatus));
  return {
    perpetrator: f.perpetrator && released ? f.perpetrator : null,
    casualties: f.casualties ? { ...f.casualties, source: team ? (f.casualties.source ?? null) : null } : null,
    weapon: f.weapon ?? null,
    calibre: f.calibre ?? null,
    explosions: f.explosions ?? null,
    shots: f.shots ?? null,
    bearingDegrees: team ? (f.bearingDegrees ?? null) : null,
    distanceMetres: team ? (f.distanceMetres ?? null) : null,
    startedAt: f.startedAt ?? null,
    endedAt: f.endedAt ?? null,
    method: f.method ?? null,
    confidence: f.confidence ?? null,
    place: place
      ? { id: place.id, names: place.names as Record<string, string>, illustrative: place.illustrative }
      : null,
  };
}
