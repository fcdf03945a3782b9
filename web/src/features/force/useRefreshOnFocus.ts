/** @module Reloads the plan when the window regains focus: another coordinator may have changed it. */
import { useEffect } from 'react';
import { refreshPlan } from './planStore.ts';

export function useRefreshOnFocus(): void {
  useEffect(() => {
    const onFocus = () => void refreshPlan();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);
}
