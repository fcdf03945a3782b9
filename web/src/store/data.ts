/**
 * @module Data the screens show, loaded on first use and shared between screens. Each resource
 * is loaded at most once at a time; answers that arrive after the session changed are dropped.
 */
import type { CallOutput } from '../../../src/contract/route.ts';
import type { Routes } from '../../../src/contract/routes.ts';
import { api } from './api.ts';
import { accountEpoch, createAccountStore } from './accountScope.ts';
import { toAppError, type AppError } from './errors.ts';

export type Mission = CallOutput<Routes['getMission']>;
export type Organisation = CallOutput<Routes['listOrganisations']>['items'][number];
export type Contribution = CallOutput<Routes['listContributions']>['items'][number];

/** A resource as the screens see it; `data` stays while reloading so nothing flickers. */
export type Remote<T> =
  | { status: 'idle' }
  | { status: 'loading'; data?: T; loadedAt?: number }
  | { status: 'ready'; data: T; loadedAt: number }
  | { status: 'error'; error: AppError; data?: T; loadedAt?: number };

export interface DataState {
  mission: Remote<Mission>;
  organisations: Remote<Organisation[]>;
  contributions: Remote<Contribution[]>;
}
export type ResourceKey = keyof DataState;
type Payload<K extends ResourceKey> = DataState[K] extends Remote<infer T> ? T : never;

const loaders: { [K in ResourceKey]: () => Promise<Payload<K>> } = {
  mission: () => api.call('getMission', {}),
  organisations: async () => (await api.call('listOrganisations', {})).items,
  contributions: async () => (await api.call('listContributions', {})).items,
};

const empty: DataState = { mission: { status: 'idle' }, organisations: { status: 'idle' }, contributions: { status: 'idle' } };

// Reset on every session change (accountScope); a slow answer for the previous account is dropped.
export const dataStore = createAccountStore<DataState>(empty);

// Set by the session module; kept as a hook to avoid an import cycle.
let onUnauthorized: () => void = () => undefined;

export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

function put<K extends ResourceKey>(key: K, value: DataState[K]): void {
  dataStore.set((s) => ({ ...s, [key]: value }));
}

/** Loads (or reloads) a resource. */
export async function load<K extends ResourceKey>(key: K): Promise<void> {
  const current = dataStore.get()[key] as Remote<Payload<K>>;
  if (current.status === 'loading') return;
  const previous = current.status === 'idle' ? {} : { data: current.data, loadedAt: current.loadedAt };
  put(key, { status: 'loading', ...previous } as DataState[K]);
  const epoch = accountEpoch();
  try {
    const data = await loaders[key]();
    if (epoch !== accountEpoch()) return;
    put(key, { status: 'ready', data, loadedAt: Date.now() } as DataState[K]);
  } catch (err) {
    if (epoch !== accountEpoch()) return;
    const error = toAppError(err);
    put(key, { status: 'error', error, ...previous } as DataState[K]);
    if (error.kind === 'unauthorized') onUnauthorized();
  }
}

/** Loads a resource unless it is already loaded or loading. */
export function ensure(key: ResourceKey): void {
  if (dataStore.get()[key].status === 'idle') void load(key);
}

/** Reloads several resources together (a page's refresh button). */
export async function reload(keys: readonly ResourceKey[]): Promise<void> {
  await Promise.all(keys.map((k) => load(k)));
}

/** When the oldest of these resources was loaded, or null if one has never loaded. */
export function oldestLoad(state: DataState, keys: readonly ResourceKey[]): number | null {
  let oldest: number | null = null;
  for (const k of keys) {
    const r = state[k];
    const at = r.status === 'idle' ? undefined : r.loadedAt;
    if (at === undefined) return null;
    oldest = oldest === null ? at : Math.min(oldest, at);
  }
  return oldest;
}
