/**
 * @module React bindings of the session store. Loaded data lives in the query cache
 * (data/queryClient.ts), read through each feature's `queries.ts`; components never fetch.
 */
import type { SessionAbilities } from '../../../src/contract/abilities.ts';
import { useStore } from './createStore.ts';
import { sessionStore, type SessionState } from './session.ts';

export function useSession<T>(select: (s: SessionState) => T): T {
  return useStore(sessionStore, select);
}

const NONE: SessionAbilities = {
  fileReport: false,
  createProvision: false,
  offerContribution: false,
  planHandover: false,
  certifyContribution: false,
  proposeDecision: false,
  setConsentRules: false,
};

/**
 * What the signed-in account may start on its pages (file a report, plan the handover...), as the
 * server computed it from the one policy: pages ask this, never a role name.
 */
export function useAbilities(): SessionAbilities {
  return useSession((s) => (s.auth.status === 'signedIn' ? s.auth.session.abilities : undefined)) ?? NONE;
}
