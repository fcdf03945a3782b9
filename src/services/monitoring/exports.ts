/**
 * @module What an incident export needs: the incidents a caller may read with the list's
 * filters (bounded: a file, not a page), and the names of the sectors and organisations they cite.
 */
import type { Deps } from '../deps.ts';
import type { Actor } from '../../domain/policy.ts';
import type { IncidentFilter } from '../../contract/monitoring.ts';
import type { IncidentRow } from '../../repositories/monitoring/incidents.ts';
import { listSectors } from '../../repositories/sectors.ts';
import { listOrganisations } from '../../repositories/organisations.ts';
import { incidents } from './incidents.ts';
import { provisionLabels } from '../../repositories/monitoring/provisions.ts';

/** An export is a file, not a page: generous, but bounded. */
export const MAX_EXPORT_ROWS = 50_000;

export interface IncidentExport {
  rows: IncidentRow[];
  sectorNames: ReadonlyMap<string, string>;
  orgNames: ReadonlyMap<string, string>;
  /** Each provision a ruling cites, by reference and title. */
  provisionNames: ReadonlyMap<string, string>;
}

export async function incidentExport(deps: Deps, actor: Actor, filter: IncidentFilter): Promise<IncidentExport> {
  const rows = await incidents(deps, actor, filter, MAX_EXPORT_ROWS);
  const [sectors, orgs, provisionNames] = await Promise.all([
    listSectors(deps.db),
    listOrganisations(deps.db),
    provisionLabels(deps.db),
  ]);
  return {
    rows,
    sectorNames: new Map(sectors.map((s) => [s.id, s.name])),
    orgNames: new Map(orgs.map((o) => [o.id, o.name])),
    provisionNames,
  };
}
