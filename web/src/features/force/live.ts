/**
 * @module The plan follows other people's changes: `handover` events make the plan's routes
 * stale, and the decisions' too, since the server publishes every consent change on this topic
 * (an answer can add or clear an `unconsented` finding).
 */
import { useLiveInvalidation, type LiveStatus } from '../../data/useLiveInvalidation.ts';
import { CONSENT_ROUTES } from '../consent/queries.ts';
import { PLAN_ROUTES } from './queries.ts';

const TOPICS = { handover: [...PLAN_ROUTES, ...CONSENT_ROUTES] };

export const useHandoverLive = (): LiveStatus => useLiveInvalidation('/api/handover/events', TOPICS);
