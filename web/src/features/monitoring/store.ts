/**
 * @module The monitoring page's own data: sectors and the current control line (the base map),
 * the incident list and counts for the current filters, the open incident, and a tick bumped on
 * every live event so the map refetches its clusters. Live events come over one EventSource;
 * they carry only ids, so everything shown is refetched through the API with the viewer's role.
 */
import { useEffect } from 'react';
import type { CallOutput } from '../../../../src/contract/route.ts';
import type { Routes } from '../../../../src/contract/routes.ts';
import { api } from '../../store/api.ts';
import { useStore } from '../../store/createStore.ts';
import { accountEpoch, createAccountStore } from '../../store/accountScope.ts';
import { toAppError, type AppError } from '../../store/errors.ts';

export type Sector = CallOutput<Routes['listSectors']>['items'][number];
export type ControlLine = CallOutput<Routes['listControlLines']>['items'][number];
export type IncidentItem = CallOutput<Routes['listIncidents']>['items'][number];
export type IncidentDetail = CallOutput<Routes['getIncident']>;
export type Counts = CallOutput<Routes['monitoringCounts']>;

export interface Filters {
  status: string;
  eventType: string;
  /** Incidents of the last N days; 0 = all time. */
  days: number;
}

export interface MonitoringState {
  sectors: Sector[];
  controlLine: ControlLine | null;
  incidents: IncidentItem[];
  counts: Counts | null;
  filters: Filters;
  error: AppError | null;
  /** Bumped by every live event and every write from this page. */
  tick: number;
  live: 'connecting' | 'open' | 'closed';
}

export const monitoringStore = createAccountStore<MonitoringState>({
  sectors: [],
  controlLine: null,
  incidents: [],
  counts: null,
  filters: { status: '', eventType: '', days: 0 },
  error: null,
  tick: 0,
  live: 'connecting',
});

export function useMonitoring<T>(select: (s: MonitoringState) => T): T {
  return useStore(monitoringStore, select);
}

/** The filters as API query parameters (shared by the list and the map's clusters). */
export function filterQuery(f: Filters, now = Date.now()): { status?: string; eventType?: string; from?: string } {
  return {
    ...(f.status ? { status: f.status } : {}),
    ...(f.eventType ? { eventType: f.eventType } : {}),
    ...(f.days > 0 ? { from: new Date(now - f.days * 86_400_000).toISOString() } : {}),
  };
}

export async function loadBaseMap(): Promise<void> {
  const epoch = accountEpoch();
  try {
    const [sectors, lines] = await Promise.all([api.call('listSectors', {}), api.call('listControlLines', { query: { at: new Date().toISOString() } })]);
    if (epoch !== accountEpoch()) return;
    monitoringStore.set((s) => ({ ...s, sectors: sectors.items, controlLine: lines.items[0] ?? null }));
  } catch (err) {
    if (epoch !== accountEpoch()) return;
    monitoringStore.set((s) => ({ ...s, error: toAppError(err) }));
  }
}

export async function loadIncidents(): Promise<void> {
  const { filters } = monitoringStore.get();
  const epoch = accountEpoch();
  try {
    const [list, counts] = await Promise.all([api.call('listIncidents', { query: { ...filterQuery(filters), limit: 200 } }), api.call('monitoringCounts', {})]);
    if (epoch !== accountEpoch()) return;
    monitoringStore.set((s) => ({ ...s, incidents: list.items, counts, error: null }));
  } catch (err) {
    if (epoch !== accountEpoch()) return;
    monitoringStore.set((s) => ({ ...s, error: toAppError(err) }));
  }
}

export function setFilters(next: Partial<Filters>): void {
  monitoringStore.set((s) => ({ ...s, filters: { ...s.filters, ...next }, tick: s.tick + 1 }));
  void loadIncidents();
}

/** Something changed (here or on another server): refetch the list, counts and map. */
export function changed(): void {
  monitoringStore.set((s) => ({ ...s, tick: s.tick + 1 }));
  void loadIncidents();
}

/** Subscribes to the server's live events while the page is open; batches bursts. */
export function useLiveUpdates(): void {
  useEffect(() => {
    const source = new EventSource('/api/monitoring/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        changed();
      }, 150);
    };
    source.addEventListener('ready', () => monitoringStore.set((s) => ({ ...s, live: 'open' })));
    source.addEventListener('report', onChange);
    source.addEventListener('incident', onChange);
    source.onerror = () => monitoringStore.set((s) => ({ ...s, live: source.readyState === EventSource.CLOSED ? 'closed' : 'connecting' }));
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, []);
}
