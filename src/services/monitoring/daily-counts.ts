/**
 * @module Period counts per sector (issue 13; rules in domain/monitoring/daily-counts.ts): the
 * requested Asia/Gaza days and as many days before. A reader shown coarse locations is counted
 * by the coarse point's sector, as everywhere else.
 */
import type { DailyCounts } from '../../contract/monitoring/daily-counts.ts';
import { authorize, seesExactLocations, type Actor } from '../../domain/policy.ts';
import {
  COUNT_ZONE,
  periodBounds,
  previousPeriod,
  sumFigures,
  tallyPeriod,
  type CountedIncident,
  type Period,
} from '../../domain/monitoring/daily-counts.ts';
import { incidentsWithEvents } from '../../repositories/monitoring/daily-counts.ts';
import { listSectorNames } from '../../repositories/sectors.ts';
import type { Deps } from '../deps.ts';

export async function dailyCounts(deps: Deps, actor: Actor | null, period: Period): Promise<DailyCounts> {
  authorize(actor, 'incident.read');
  const previous = previousPeriod(period);
  const [start] = periodBounds(previous);
  const [, end] = periodBounds(period);
  const rows = await incidentsWithEvents(deps.db, start, end, seesExactLocations(actor) ? 'exact' : 'coarse');
  const byId = new Map<string, CountedIncident & { reportEvents: number[] }>();
  for (const r of rows) {
    const i = byId.get(r.id) ?? {
      sectorId: r.sector_id,
      occurredAt: new Date(r.occurred_at),
      status: r.status,
      outcome: r.outcome,
      reportEvents: [],
    };
    i.reportEvents.push((r.explosions ?? 0) + (r.shots ?? 0));
    byId.set(r.id, i);
  }
  const incidents = [...byId.values()];
  const current = tallyPeriod(incidents, period);
  const before = tallyPeriod(incidents, previous);
  const names = new Map((await listSectorNames(deps.db)).map((s) => [s.id, s.name]));
  const zero = { eventsObserved: 0, incidents: 0, ruledViolations: 0 };
  const sectorIds = [...new Set([...current.keys(), ...before.keys()])];
  const sectors = sectorIds
    .map((id) => ({
      sectorId: id,
      sectorName: id === null ? null : (names.get(id) ?? null),
      current: current.get(id) ?? zero,
      previous: before.get(id) ?? zero,
    }))
    .sort((a, b) => (a.sectorName ?? '').localeCompare(b.sectorName ?? ''));
  return {
    timeZone: COUNT_ZONE,
    from: period.from,
    to: period.to,
    previousFrom: previous.from,
    previousTo: previous.to,
    sectors,
    total: { current: sumFigures(current.values()), previous: sumFigures(before.values()) },
  };
}
