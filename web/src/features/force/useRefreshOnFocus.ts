/**
 * @module Keeps the plan current: reloads when another coordinator changes it (live events from
 * /api/handover/events, bursts coalesced) and when the window regains focus (after a dropped
 * connection, for instance).
 */
import { useEffect } from 'react';
import { refreshPlan } from './planStore.ts';

export function useRefreshOnFocus(): void {
  useEffect(() => {
    const onFocus = () => void refreshPlan();
    window.addEventListener('focus', onFocus);
    let timer: number | undefined;
    const source = typeof EventSource === 'undefined' ? undefined : new EventSource('/api/handover/events');
    source?.addEventListener('handover', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void refreshPlan(), 250);
    });
    return () => {
      window.removeEventListener('focus', onFocus);
      window.clearTimeout(timer);
      source?.close();
    };
  }, []);
}
