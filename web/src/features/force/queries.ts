/**
 * @module Force generation and handover data: the mission, the contributions, the gap for a day
 * and over time, the handover check for a period, the plan (milestones, deployments, sectors,
 * control lines), and the writes that change them. Everything is a query of the one cache
 * (data/queryClient.ts); a write invalidates the plan's routes, so the gap, the timeline and the
 * dashboard move together. The only state kept here is the reader's choice of day and period.
 */
import { useMemo } from 'react';
import type { CallInput, CallOutput } from '../../../../src/contract/route.ts';
import type { RouteId, Routes } from '../../../../src/contract/routes.ts';
import { useStore } from '../../store/createStore.ts';
import { createAccountStore } from '../../store/accountScope.ts';
import { useRoute } from '../../data/useRoute.ts';
import { useRouteMutation } from '../../data/useRouteMutation.ts';
import { useMutationState } from '@tanstack/react-query';
import { toAppError, type AppError } from '../../store/errors.ts';

export type Mission = CallOutput<Routes['getMission']>;
export type Contribution = CallOutput<Routes['listContributions']>['items'][number];
export type Gap = CallOutput<Routes['getForceGap']>;
export type SeriesPoint = CallOutput<Routes['getForceGapSeries']>['points'][number];
export type Check = CallOutput<Routes['checkHandover']>;
export type Finding = Check['findings'][number];
export type Milestone = CallOutput<Routes['listMilestones']>['items'][number];
export type Deployment = CallOutput<Routes['listDeployments']>['items'][number];
export type Sector = CallOutput<Routes['listSectors']>['items'][number];
export type ControlLine = CallOutput<Routes['listControlLines']>['items'][number];
export type LineDiff = CallOutput<Routes['getControlLineDiff']>;

export interface Period {
  from: string;
  to: string;
}

const DAY = 86_400_000;
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const today = (): string => isoDay(Date.now());
export const addDays = (iso: string, n: number): string => isoDay(Date.parse(`${iso}T00:00:00Z`) + n * DAY);

interface PlanView {
  on: string;
  /** The reader's own period; null until they pick dates (the period then follows the plan). */
  chosen: Period | null;
}

const planView = createAccountStore<PlanView>({ on: today(), chosen: null });

export const setGapDay = (on: string): void => planView.set((s) => ({ ...s, on }));
export function setPeriod(period: Period): void {
  if (period.from > period.to) return;
  planView.set((s) => ({ ...s, chosen: period }));
}
export const useGapDay = (): string => useStore(planView, (s) => s.on);

const items = <T>(r: { items: T[] }): T[] => r.items;
const points = (r: { points: SeriesPoint[] }): SeriesPoint[] => r.points;

export const useMission = () => useRoute('getMission', {});
export const useContributions = () => useRoute('listContributions', {}, { select: items });
export const useMilestones = () => useRoute('listMilestones', {}, { select: items });
export const useDeployments = () => useRoute('listDeployments', {}, { select: items });
export const useSectors = () => useRoute('listSectors', {}, { select: items });
export const useControlLines = () => useRoute('listControlLines', { query: {} }, { select: items });

/**
 * The period the plan is read over: the reader's choice, else a year around today (the recent
 * past and the months the plan is about), opened a month before the plan's first withdrawal if
 * that is earlier, so a first look shows the whole plan.
 */
export function usePeriod(): Period {
  const chosen = useStore(planView, (s) => s.chosen);
  const milestones = useMilestones();
  const list = milestones.status === 'idle' ? undefined : milestones.data;
  return useMemo(() => {
    if (chosen) return chosen;
    const now = today();
    const period = { from: addDays(now, -120), to: addDays(now, 245) };
    if (!list || list.length === 0) return period;
    const first = list.map((m) => m.at.slice(0, 10)).sort()[0]!;
    const from = addDays(first, -30);
    return from < period.from ? { ...period, from } : period;
  }, [chosen, list]);
}

export function useGap() {
  return useRoute('getForceGap', { query: { on: useGapDay() } }, { keepPrevious: true });
}

export function useSeries() {
  return useRoute('getForceGapSeries', { query: usePeriod() }, { select: points, keepPrevious: true });
}

export function useCheck() {
  return useRoute('checkHandover', { query: usePeriod() }, { keepPrevious: true });
}

/** The difference between two control-line dates; nothing is asked until both are chosen. */
export function useLineDiff(range: Period | null) {
  return useRoute('getControlLineDiff', { query: range ?? { from: '', to: '' } }, { enabled: range !== null });
}

/** Every route a change to the plan (or a live `handover` event) may make stale. */
export const PLAN_ROUTES: readonly RouteId[] = [
  'getForceGap',
  'getForceGapSeries',
  'checkHandover',
  'listMilestones',
  'listDeployments',
  'listSectors',
  'listControlLines',
  'listContributions',
  'getMission',
];

const PLAN_WRITE = ['plan-write'] as const;

/** A write to the plan; resolves true once saved (and the plan reloaded), false if refused. */
function usePlanWrite<K extends RouteId>(id: K): (input: CallInput<Routes[K]>) => Promise<boolean> {
  const m = useRouteMutation(id, PLAN_ROUTES, PLAN_WRITE);
  return (input) =>
    m.mutateAsync(input).then(
      () => true,
      () => false,
    );
}

export const useAddContribution = () => usePlanWrite('createContribution');
export const useMoveContribution = () => usePlanWrite('transitionContribution');
export const useAddDeployment = () => usePlanWrite('createDeployment');
export const useAddMilestone = () => usePlanWrite('createMilestone');

/** What became of the plan's writes: the last one's error, and whether any was saved. */
export function usePlanWriteStatus(): { error: AppError | null; saved: boolean } {
  const states = useMutationState({
    filters: { mutationKey: [...PLAN_WRITE] },
    select: (m) => ({ status: m.state.status, error: m.state.error }),
  });
  const last = states[states.length - 1];
  return {
    error: last?.status === 'error' ? toAppError(last.error) : null,
    saved: states.some((s) => s.status === 'success'),
  };
}
