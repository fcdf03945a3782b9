/**
 * @module How every loaded block looks while loading, after a failure, and when ready. Data
 * already shown stays on screen while it reloads or if a reload fails.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Remote } from '../data/remote.ts';
import { describeError } from './describeError.ts';

interface Props<T> {
  remote: Remote<T>;
  /** What is being loaded, in the running sentence "Could not load …". */
  what: string;
  onRetry: () => void;
  /** When another block on the page already announces this failure: say it once, quietly. */
  quiet?: boolean;
  children: (data: T) => ReactNode;
}

export function RemoteView<T>({ remote, what, onRetry, quiet = false, children }: Props<T>) {
  const { t } = useTranslation();
  const data = remote.status === 'idle' ? undefined : remote.data;
  return (
    <>
      {remote.status === 'error' && quiet && <p className="muted">{t('errors.loadFailed', { what })}</p>}
      {remote.status === 'error' && !quiet && (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>{t('errors.loadFailed', { what })}</strong> {describeError(t, remote.error, 'data')}
          </p>
          <button type="button" className="button button--secondary" onClick={onRetry}>
            {t('errors.retry')}
          </button>
        </div>
      )}
      {data === undefined && remote.status !== 'error' && (
        <p className="loading" role="status">
          {t('app.loading')}
        </p>
      )}
      {data !== undefined && children(data)}
    </>
  );
}
