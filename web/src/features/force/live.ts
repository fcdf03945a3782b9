/** @module The plan follows other coordinators' changes: `handover` events make the plan's routes stale. */
import { useLiveInvalidation, type LiveStatus } from '../../data/useLiveInvalidation.ts';
import { PLAN_ROUTES } from './queries.ts';

const TOPICS = { handover: PLAN_ROUTES };

export const useHandoverLive = (): LiveStatus => useLiveInvalidation('/api/handover/events', TOPICS);
