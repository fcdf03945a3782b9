/**
 * @module Decisions and consent as queries of the one cache: the decisions the account may read
 * (each with its derived state, every answer and the caller's abilities), the consent rules, and
 * where each contributor stands with each party. Consent writes change the handover check too
 * (`unconsented` findings), so they invalidate the plan's routes as well; other people's writes
 * arrive on the `handover` live topic, which the server publishes on every consent change.
 */
import type { CallInput, CallOutput } from '../../../../src/contract/route.ts';
import type { RouteId, Routes } from '../../../../src/contract/routes.ts';
import { useRoute } from '../../data/useRoute.ts';
import { useRouteMutation } from '../../data/useRouteMutation.ts';
import { toAppError } from '../../store/errors.ts';
import type { WriteResult } from '../../components/form/useWrite.ts';
import { PLAN_ROUTES } from '../force/queries.ts';

export type Decision = CallOutput<Routes['listDecisions']>['items'][number];
export type DecisionAnswer = Decision['answers'][number];
export type ConsentRule = CallOutput<Routes['listConsentRules']>['items'][number];
export type Standings = CallOutput<Routes['listContributionStandings']>['items'][number];
export type Provision = CallOutput<Routes['listProvisions']>['items'][number];

/** Every route a consent change may make stale (the live `handover` topic included). */
export const CONSENT_ROUTES: readonly RouteId[] = [
  'listDecisions',
  'getDecision',
  'listConsentRules',
  'listContributionStandings',
];
const WRITE_INVALIDATES: readonly RouteId[] = [...CONSENT_ROUTES, ...PLAN_ROUTES];

const items = <T>(r: { items: T[] }): T[] => r.items;

export const useDecisions = () => useRoute('listDecisions', { query: {} }, { select: items });
/** Only the decisions awaiting the caller's organisation (the dashboard's first block). */
export const useAwaitingMine = () => useRoute('listDecisions', { query: { awaitingMine: 'true' } }, { select: items });
export const useConsentRules = () => useRoute('listConsentRules', {}, { select: items });
export const useProvisions = (enabled: boolean) => useRoute('listProvisions', {}, { select: items, enabled });

/** Standings per contribution, by contribution id; a refusal (403) leaves the column out. */
const byContribution = (r: { items: Standings[] }): Map<string, Standings['standings']> =>
  new Map(r.items.map((s) => [s.contributionId, s.standings]));
export const useStandings = () => useRoute('listContributionStandings', {}, { select: byContribution });

function useConsentWrite<K extends RouteId>(id: K): (input: CallInput<Routes[K]>) => Promise<WriteResult> {
  const m = useRouteMutation(id, WRITE_INVALIDATES);
  return (input) =>
    m.mutateAsync(input).then(
      (): WriteResult => ({ ok: true }),
      (err: unknown): WriteResult => ({ ok: false, error: toAppError(err) }),
    );
}

export const useAnswerDecision = () => useConsentWrite('answerDecision');
export const useProposeDecision = () => useConsentWrite('proposeDecision');
export const useCancelDecision = () => useConsentWrite('cancelDecision');
export const useAddDecisionNote = () => useConsentWrite('addDecisionNote');
export const useSetConsentRule = () => useConsentWrite('setConsentRule');
