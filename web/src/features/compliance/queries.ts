/**
 * @module The compliance page's data: the provisions (as the signed-in account may see them, each
 * with the caller's abilities) and the roll-ups, as queries of the one cache; every write
 * invalidates both so derived statuses are fresh, and `compliance` live events do the same for
 * other people's writes.
 */
import type { CallInput, CallOutput } from '../../../../src/contract/route.ts';
import type { RouteId, Routes } from '../../../../src/contract/routes.ts';
import { useRoute } from '../../data/useRoute.ts';
import { useRouteMutation } from '../../data/useRouteMutation.ts';
import { allRemote, type Remote } from '../../data/remote.ts';
import { useLiveInvalidation } from '../../data/useLiveInvalidation.ts';
import { toAppError } from '../../store/errors.ts';
import type { WriteResult } from '../../components/form/useWrite.ts';

export type ProvisionList = CallOutput<Routes['listProvisions']>;
export type ProvisionItem = ProvisionList['items'][number];
export type ComplianceSummaryData = CallOutput<Routes['getComplianceSummary']>;
export interface ComplianceData {
  list: ProvisionList;
  summary: ComplianceSummaryData;
}

/** Every route a compliance write (or a live `compliance` event) may make stale. */
export const COMPLIANCE_ROUTES: readonly RouteId[] = ['listProvisions', 'getProvision', 'getComplianceSummary'];
const TOPICS = { compliance: COMPLIANCE_ROUTES };

export function useComplianceData(): Remote<ComplianceData> {
  const list = useRoute('listProvisions', {});
  const summary = useRoute('getComplianceSummary', {});
  return allRemote<ComplianceData>({ list, summary });
}

/** Keeps the page current while it is open (a party sees a new delivery without a refresh). */
export const useComplianceLive = () => useLiveInvalidation('/api/compliance/events', TOPICS);

/** A compliance write; resolves once saved and the provisions reloaded, or with why it was refused. */
function useComplianceWrite<K extends RouteId>(id: K): (input: CallInput<Routes[K]>) => Promise<WriteResult> {
  const m = useRouteMutation(id, COMPLIANCE_ROUTES);
  return (input) =>
    m.mutateAsync(input).then(
      (): WriteResult => ({ ok: true }),
      (err: unknown): WriteResult => ({ ok: false, error: toAppError(err) }),
    );
}

export const useRecordDelivery = () => useComplianceWrite('createDelivery');
export const useOpenDispute = () => useComplianceWrite('createDispute');
export const useAssessProvision = () => useComplianceWrite('createAssessment');
export const useResolveDispute = () => useComplianceWrite('resolveDispute');
export const useAddProvision = () => useComplianceWrite('createProvision');
