/**
 * @module The compliance page's data: the provisions (as the signed-in account may see them)
 * and the roll-ups, loaded together, reloaded after every write so derived statuses are fresh.
 * Kept per account: another sign-in reloads instead of showing the previous account's view.
 */
import type { CallInput, CallOutput } from '../../../../src/contract/route.ts';
import type { Routes } from '../../../../src/contract/routes.ts';
import { api } from '../../store/api.ts';
import { useStore } from '../../store/createStore.ts';
import { accountEpoch, createAccountStore } from '../../store/accountScope.ts';
import { toAppError, type AppError } from '../../store/errors.ts';
import type { Remote } from '../../store/data.ts';

export type ProvisionList = CallOutput<Routes['listProvisions']>;
export type ProvisionItem = ProvisionList['items'][number];
export type ComplianceSummaryData = CallOutput<Routes['getComplianceSummary']>;
export interface ComplianceData {
  list: ProvisionList;
  summary: ComplianceSummaryData;
}

interface State {
  userId: string | null;
  data: Remote<ComplianceData>;
}

const store = createAccountStore<State>({ userId: null, data: { status: 'idle' } });
let generation = 0;

export function useComplianceData(): Remote<ComplianceData> {
  return useStore(store, (s) => s.data);
}

export async function loadCompliance(userId: string): Promise<void> {
  const gen = ++generation;
  const epoch = accountEpoch();
  const prev = store.get();
  const keep = prev.userId === userId && prev.data.status !== 'idle' ? { data: prev.data.data, loadedAt: prev.data.loadedAt } : {};
  store.set({ userId, data: { status: 'loading', ...keep } });
  try {
    const [list, summary] = await Promise.all([api.call('listProvisions', {}), api.call('getComplianceSummary', {})]);
    if (gen !== generation || epoch !== accountEpoch()) return;
    store.set({ userId, data: { status: 'ready', data: { list, summary }, loadedAt: Date.now() } });
  } catch (err) {
    if (gen !== generation || epoch !== accountEpoch()) return;
    store.set({ userId, data: { status: 'error', error: toAppError(err), ...keep } });
  }
}

export type WriteResult = { ok: true } | { ok: false; error: AppError };

async function write(userId: string, run: () => Promise<unknown>): Promise<WriteResult> {
  try {
    await run();
  } catch (err) {
    return { ok: false, error: toAppError(err) };
  }
  await loadCompliance(userId);
  return { ok: true };
}

export function recordDelivery(userId: string, input: CallInput<Routes['createDelivery']>): Promise<WriteResult> {
  return write(userId, () => api.call('createDelivery', input));
}

export function openDispute(userId: string, input: CallInput<Routes['createDispute']>): Promise<WriteResult> {
  return write(userId, () => api.call('createDispute', input));
}

export function assessProvision(userId: string, input: CallInput<Routes['createAssessment']>): Promise<WriteResult> {
  return write(userId, () => api.call('createAssessment', input));
}

export function resolveDispute(userId: string, input: CallInput<Routes['resolveDispute']>): Promise<WriteResult> {
  return write(userId, () => api.call('resolveDispute', input));
}

/**
 * Follows `/api/compliance/events` and reloads (coalescing bursts) when any provision changes,
 * so a party's screen shows a new delivery without a refresh. Returns the stop function.
 */
export function watchCompliance(userId: string): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource('/api/compliance/events');
  let timer: number | undefined;
  source.addEventListener('compliance', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void loadCompliance(userId), 250);
  });
  return () => {
    window.clearTimeout(timer);
    source.close();
  };
}

export function addProvision(userId: string, input: CallInput<Routes['createProvision']>): Promise<WriteResult> {
  return write(userId, () => api.call('createProvision', input));
}
