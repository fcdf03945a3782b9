/**
 * @module The monitoring page's data, as queries of the one cache: sectors and the current control
 * line (the base map), the incident list for the current filters, the counts, one incident, the
 * map's clusters for a viewport; and the writes (filing a report, every workflow step). Live
 * `report` and `incident` events, and every write, invalidate the monitoring routes; events carry
 * only ids, so everything shown is fetched again through the API with the viewer's rights. The
 * only state kept here is the reader's filters.
 */
import { useState } from 'react';
import type { CallInput, CallOutput } from '../../../../src/contract/route.ts';
import type { RouteId, Routes } from '../../../../src/contract/routes.ts';
import { api } from '../../store/api.ts';
import { useStore } from '../../store/createStore.ts';
import { createAccountStore } from '../../store/accountScope.ts';
import { useRoute } from '../../data/useRoute.ts';
import { useRouteMutation } from '../../data/useRouteMutation.ts';
import { invalidateRoutes } from '../../data/queryClient.ts';
import { useLiveInvalidation } from '../../data/useLiveInvalidation.ts';
import { useMutation } from '@tanstack/react-query';

export type Sector = CallOutput<Routes['listSectors']>['items'][number];
export type ControlLine = CallOutput<Routes['listControlLines']>['items'][number];
export type IncidentItem = CallOutput<Routes['listIncidents']>['items'][number];
export type IncidentDetail = CallOutput<Routes['getIncident']>;
export type Counts = CallOutput<Routes['monitoringCounts']>;
export type Cluster = CallOutput<Routes['incidentClusters']>['items'][number];

export interface Filters {
  status: string;
  eventType: string;
  /** Incidents of the last N days; 0 = all time. */
  days: number;
  /** The instant N days back, fixed when the reader picked N, so the query's key stays stable. */
  from: string | null;
}

const filterStore = createAccountStore<Filters>({ status: '', eventType: '', days: 0, from: null });

export const useFilters = (): Filters => useStore(filterStore, (s) => s);

export function setFilters(next: Partial<Omit<Filters, 'from'>>): void {
  filterStore.set((s) => {
    const merged = { ...s, ...next };
    const from =
      next.days === undefined
        ? s.from
        : next.days > 0
          ? new Date(Date.now() - next.days * 86_400_000).toISOString()
          : null;
    return { ...merged, from };
  });
}

/** The filters as API query parameters (shared by the list and the map's clusters). */
export function filterQuery(f: Filters): { status?: string; eventType?: string; from?: string } {
  return {
    ...(f.status ? { status: f.status } : {}),
    ...(f.eventType ? { eventType: f.eventType } : {}),
    ...(f.from ? { from: f.from } : {}),
  };
}

/** Every route a monitoring write or live event may make stale. */
export const MONITORING_ROUTES: readonly RouteId[] = [
  'listIncidents',
  'monitoringCounts',
  'incidentClusters',
  'getIncident',
];
const TOPICS = { report: MONITORING_ROUTES, incident: MONITORING_ROUTES };

export const useMonitoringLive = () => useLiveInvalidation('/api/monitoring/events', TOPICS);

const items = <T>(r: { items: T[] }): T[] => r.items;
const firstLine = (r: { items: ControlLine[] }): ControlLine | null => r.items[0] ?? null;

export const useSectors = () => useRoute('listSectors', {}, { select: items });

/** The control line in force when the page opened. */
export function useCurrentLine() {
  const [at] = useState(() => new Date().toISOString());
  return useRoute('listControlLines', { query: { at } }, { select: firstLine });
}

export function useIncidents() {
  const f = useFilters();
  return useRoute('listIncidents', { query: { ...filterQuery(f), limit: 200 } }, { select: items, keepPrevious: true });
}

export const useCounts = () => useRoute('monitoringCounts', {});

export const useIncident = (id: string) => useRoute('getIncident', { params: { id } });

export interface Viewport {
  bbox: string;
  zoom: number;
}

/** The server's clusters for a viewport and the filters; nothing is asked before the map knows its viewport. */
export function useClusters(view: Viewport | null) {
  const f = useFilters();
  return useRoute(
    'incidentClusters',
    { query: { bbox: view?.bbox ?? '', zoom: view?.zoom ?? 0, ...filterQuery(f) } },
    { select: items, enabled: view !== null, keepPrevious: true },
  );
}

/** The provisions a ruling may cite (reference and title), to choose by searching, never by typing an id. */
export function useProvisionChoices() {
  return useRoute('listProvisions', {}, { select: items });
}

/** One workflow step on an incident (transition, review, assign, merge, split); resolves with the incident after it. */
export function useIncidentWrite<
  K extends
    | 'transitionIncident'
    | 'reviewRuling'
    | 'assignIncident'
    | 'mergeIncidents'
    | 'splitIncident'
    | 'replyToRuling'
    | 'appealRuling',
>(id: K) {
  const m = useRouteMutation(id, MONITORING_ROUTES);
  return (input: CallInput<Routes[K]>): Promise<CallOutput<Routes[K]>> => m.mutateAsync(input);
}

/** Evidence is uploaded first, as is, through its route; reports cite it by the SHA-256 it answers with. */
async function uploadEvidence(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const stored = await api.call('uploadEvidence', {
    body: { mediaType: file.type || 'application/octet-stream', bytes },
  });
  return stored.sha256;
}

export type NewReport = Omit<CallInput<Routes['createReport']>['body'], 'evidence'>;

/** Files a report: uploads its evidence first (cited by hash), then the report; resolves with its incident's title. */
export function useFileReport() {
  const m = useMutation({
    mutationKey: ['createReport'],
    mutationFn: async ({ report, files }: { report: NewReport; files: readonly File[] }) => {
      const evidence: string[] = [];
      for (const f of files) evidence.push(await uploadEvidence(f));
      const r = await api.call('createReport', { body: { ...report, evidence } });
      const incident = await api.call('getIncident', { params: { id: r.incidentId } });
      return { repeat: r.repeat, title: incident.title };
    },
    onSuccess: () => invalidateRoutes(MONITORING_ROUTES),
  });
  return m.mutateAsync;
}

export type PlaceItem = CallOutput<Routes['listPlaces']>['items'][number];
export type Organisation = CallOutput<Routes['listOrganisations']>['items'][number];

/** Places whose names match what the reader typed (nothing asked before two characters). */
export function usePlaceSearch(q: string) {
  const trimmed = q.trim();
  return useRoute(
    'listPlaces',
    { query: { q: trimmed, limit: 8 } },
    { select: items, enabled: trimmed.length >= 2, keepPrevious: true },
  );
}

const parties = (r: { items: Organisation[] }): Organisation[] => r.items.filter((o) => o.kind === 'party');
/** The parties to the agreement (an alleged perpetrator is one of them). */
export const useParties = () => useRoute('listOrganisations', {}, { select: parties });
