/**
 * @module The record of changes as a query of the one cache, keyed by the filter (a record's kind
 * and id, a limit). The log head and proofs are read by the verifier (useRecordLog.ts, verify.ts).
 */
import type { LogChange, LogChangesQuery } from '../../../../src/contract/log.ts';
import { useRoute } from '../../data/useRoute.ts';
import { describeError } from '../../components/describeError.ts';
import { refetchRoutes } from '../../data/queryClient.ts';
import { useTranslation } from 'react-i18next';

const items = (r: { items: LogChange[] }): LogChange[] => r.items;

export function useChanges(query: Partial<LogChangesQuery>): {
  items: LogChange[] | undefined;
  error: string | undefined;
  reload: () => void;
} {
  const { t } = useTranslation();
  const remote = useRoute('listLogChanges', { query }, { select: items });
  return {
    items: remote.status === 'idle' ? undefined : remote.data,
    error: remote.status === 'error' ? describeError(t, remote.error, 'data') : undefined,
    reload: () => void refetchRoutes(['listLogChanges']),
  };
}
