/**
 * @module Force generation and handover data as the screens see it: the gap for a day and over
 * time, the handover check for a period, the plan (milestones, deployments, sectors, control
 * lines), and the writes that change them. After any write of ours (or when the window regains
 * focus) everything loaded is fetched again, so the gap, the timeline and the dashboard move
 * together.
 */
import type { CallOutput } from '../../../../src/contract/route.ts';
import type { Routes } from '../../../../src/contract/routes.ts';
import type { CreateContribution } from '../../../../src/contract/contributions.ts';
import type { CreateDeployment, CreateMilestone, TransitionContribution } from '../../../../src/contract/force.ts';
import type { z } from 'zod';
import { api } from '../../store/api.ts';
import { useStore } from '../../store/createStore.ts';
import { accountEpoch, createAccountStore, onAccountChange } from '../../store/accountScope.ts';
import { load, type Remote } from '../../store/data.ts';
import { toAppError, type AppError } from '../../store/errors.ts';

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

export interface PlanState {
  on: string;
  period: Period;
  gap: Remote<Gap>;
  series: Remote<SeriesPoint[]>;
  check: Remote<Check>;
  milestones: Remote<Milestone[]>;
  deployments: Remote<Deployment[]>;
  sectors: Remote<Sector[]>;
  lines: Remote<ControlLine[]>;
  diff: Remote<LineDiff>;
  write: { pending: boolean; error: AppError | null; done: number };
}

const DAY = 86_400_000;
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const today = (): string => isoDay(Date.now());
export const addDays = (iso: string, n: number): string => isoDay(Date.parse(`${iso}T00:00:00Z`) + n * DAY);

const idle = { status: 'idle' } as const;

export const planStore = createAccountStore<PlanState>({
  on: today(),
  // A year around today: the recent past (what happened) and the months the plan is about.
  period: { from: addDays(today(), -120), to: addDays(today(), 245) },
  gap: idle, series: idle, check: idle, milestones: idle, deployments: idle, sectors: idle, lines: idle, diff: idle,
  write: { pending: false, error: null, done: 0 },
});

type Key = 'gap' | 'series' | 'check' | 'milestones' | 'deployments' | 'sectors' | 'lines';
type Data<K extends Key> = PlanState[K] extends Remote<infer T> ? T : never;

const loaders: { [K in Key]: (s: PlanState) => Promise<Data<K>> } = {
  gap: (s) => api.call('getForceGap', { query: { on: s.on } }),
  series: async (s) => (await api.call('getForceGapSeries', { query: s.period })).points,
  check: (s) => api.call('checkHandover', { query: s.period }),
  milestones: async () => (await api.call('listMilestones', {})).items,
  deployments: async () => (await api.call('listDeployments', {})).items,
  sectors: async () => (await api.call('listSectors', {})).items,
  lines: async () => (await api.call('listControlLines', { query: {} })).items,
};

// Each load carries a ticket: an answer older than the latest request for that key is dropped.
const tickets = new Map<Key, number>();

export async function loadPlan<K extends Key>(key: K): Promise<void> {
  const ticket = (tickets.get(key) ?? 0) + 1;
  tickets.set(key, ticket);
  const current = planStore.get()[key] as Remote<Data<K>>;
  const previous = current.status === 'idle' ? {} : { data: current.data, loadedAt: current.loadedAt };
  planStore.set((s) => ({ ...s, [key]: { status: 'loading', ...previous } }));
  const epoch = accountEpoch();
  try {
    const data = await loaders[key](planStore.get());
    if (tickets.get(key) !== ticket || epoch !== accountEpoch()) return;
    planStore.set((s) => ({ ...s, [key]: { status: 'ready', data, loadedAt: Date.now() } }));
    if (key === 'milestones') widenToPlan(data as Milestone[]);
  } catch (err) {
    if (tickets.get(key) !== ticket || epoch !== accountEpoch()) return;
    planStore.set((s) => ({ ...s, [key]: { status: 'error', error: toAppError(err), ...previous } }));
  }
}

/** A resource of the plan, loaded on first use. */
export function usePlan<K extends Key>(key: K): PlanState[K] {
  const remote = useStore(planStore, (s) => s[key]);
  if (remote.status === 'idle') queueMicrotask(() => {
    if (planStore.get()[key].status === 'idle') void loadPlan(key);
  });
  return remote;
}

export function usePlanValue<T>(select: (s: PlanState) => T): T {
  return useStore(planStore, select);
}

/** Fetches again everything already loaded (after a write, or when the window regains focus). */
export async function refreshPlan(): Promise<void> {
  const s = planStore.get();
  const keys = (Object.keys(loaders) as Key[]).filter((k) => s[k].status !== 'idle');
  await Promise.all([...keys.map((k) => loadPlan(k)), load('contributions')]);
}

export function setGapDay(on: string): void {
  planStore.set((s) => ({ ...s, on }));
  void loadPlan('gap');
}

/** Set once the reader picks dates; until then the period follows the plan. */
let periodChosen = false;
onAccountChange(() => {
  periodChosen = false;
});

/**
 * A first look should show the whole plan: if it starts before the default period, the period
 * opens a month before its first withdrawal (the reader's own choice is never overridden).
 */
function widenToPlan(milestones: Milestone[]): void {
  if (periodChosen || milestones.length === 0) return;
  const first = milestones.map((m) => m.at.slice(0, 10)).sort()[0]!;
  const from = addDays(first, -30);
  const { period } = planStore.get();
  if (from >= period.from) return;
  planStore.set((s) => ({ ...s, period: { ...s.period, from } }));
  if (planStore.get().check.status !== 'idle') void loadPlan('check');
  if (planStore.get().series.status !== 'idle') void loadPlan('series');
}

export function setPeriod(period: Period): void {
  if (period.from > period.to) return;
  periodChosen = true;
  planStore.set((s) => ({ ...s, period }));
  void Promise.all([loadPlan('check'), loadPlan('series')]);
}

export async function loadLineDiff(from: string, to: string): Promise<void> {
  planStore.set((s) => ({ ...s, diff: { status: 'loading' } }));
  const epoch = accountEpoch();
  try {
    const data = await api.call('getControlLineDiff', { query: { from, to } });
    if (epoch !== accountEpoch()) return;
    planStore.set((s) => ({ ...s, diff: { status: 'ready', data, loadedAt: Date.now() } }));
  } catch (err) {
    if (epoch !== accountEpoch()) return;
    planStore.set((s) => ({ ...s, diff: { status: 'error', error: toAppError(err) } }));
  }
}

async function write(run: () => Promise<unknown>): Promise<boolean> {
  if (planStore.get().write.pending) return false;
  planStore.set((s) => ({ ...s, write: { ...s.write, pending: true, error: null } }));
  try {
    await run();
    planStore.set((s) => ({ ...s, write: { pending: false, error: null, done: s.write.done + 1 } }));
    await refreshPlan();
    return true;
  } catch (err) {
    planStore.set((s) => ({ ...s, write: { ...s.write, pending: false, error: toAppError(err) } }));
    return false;
  }
}

export const addContribution = (body: z.input<typeof CreateContribution>) => write(() => api.call('createContribution', { body }));
export const moveContribution = (id: string, body: z.input<typeof TransitionContribution>) =>
  write(() => api.call('transitionContribution', { params: { id }, body }));
export const addDeployment = (body: z.input<typeof CreateDeployment>) => write(() => api.call('createDeployment', { body }));
export const addMilestone = (body: z.input<typeof CreateMilestone>) => write(() => api.call('createMilestone', { body }));

export function clearWriteError(): void {
  planStore.set((s) => ({ ...s, write: { ...s.write, error: null } }));
}
