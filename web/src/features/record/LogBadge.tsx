/**
 * @module For any record page: its latest log index, a link to its history, and the in-browser
 * inclusion check (run automatically, so every record shows whether this browser verified it).
 */
import { useTranslation } from 'react-i18next';
import { Link } from '../../router/Link.tsx';
import { useChanges } from './queries.ts';
import { VerifyCell } from './VerifyCell.tsx';

export function LogBadge({ kind, id }: { kind: string; id: string }) {
  const { t } = useTranslation();
  const { items } = useChanges({ kind, id, limit: 1 });
  const latest = items?.[0];
  if (!latest) return null;
  return (
    <p className="log-badge" data-testid={`log-badge-${kind}-${id}`}>
      <Link to={`/record?kind=${encodeURIComponent(kind)}&id=${encodeURIComponent(id)}`}>
        {latest.logIndex === null ? t('recordUi.pending') : t('recordUi.entry', { index: latest.logIndex })}
      </Link>{' '}
      <VerifyCell change={latest} auto />
    </p>
  );
}
