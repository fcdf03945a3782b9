/**
 * @module Names for the ids a decision carries (organisations asked, sectors in caveats), from
 * the organisations and sectors already in the cache. An id not (yet) loaded shows as "…",
 * never as a bare UUID a reader under pressure would have to decode.
 */
import { useMemo } from 'react';
import { useOrganisations } from '../organisations/queries.ts';
import { useSectors } from '../force/queries.ts';
import type { Decision, DecisionAnswer } from './queries.ts';

export interface Names {
  org(id: string): string;
  sector(id: string): string;
}

export function useNames(): Names {
  const orgs = useOrganisations();
  const sectors = useSectors();
  const orgList = orgs.status === 'idle' ? undefined : orgs.data;
  const sectorList = sectors.status === 'idle' ? undefined : sectors.data;
  return useMemo(() => {
    const o = new Map((orgList ?? []).map((x) => [x.id, x.name]));
    const s = new Map((sectorList ?? []).map((x) => [x.id, x.name]));
    return { org: (id) => o.get(id) ?? '…', sector: (id) => s.get(id) ?? '…' };
  }, [orgList, sectorList]);
}

/** Each organisation's latest answer on a decision (answers come in the order given). */
export function latestAnswers(d: Decision): Map<string, DecisionAnswer> {
  const latest = new Map<string, DecisionAnswer>();
  for (const a of d.answers) latest.set(a.organisationId, a);
  return latest;
}

/** Where a party stands on a decision: its latest answer, awaited, or not asked at all. */
export type Cell = DecisionAnswer['answer'] | 'awaiting' | 'notAsked';

export function cellOf(d: Decision, latest: ReadonlyMap<string, DecisionAnswer>, orgId: string): Cell {
  const a = latest.get(orgId);
  if (a) return a.answer;
  return d.requiredOrgIds.includes(orgId) ? 'awaiting' : 'notAsked';
}

/** The link to one decision on the decisions page (the dashboard and the tables point here). */
export const decisionHref = (id: string): string => `/decisions?id=${encodeURIComponent(id)}`;
