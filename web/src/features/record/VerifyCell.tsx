/** @module A button that verifies one log entry in this browser, and its result in words. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogChange } from '../../../../src/contract/log.ts';
import { checkChange, type Check } from './useRecordLog.ts';

export function VerifyCell({
  change,
  auto = false,
}: {
  change: Pick<LogChange, 'logIndex' | 'kind' | 'id' | 'version'>;
  auto?: boolean;
}) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const run = () => {
    setCheck({ state: 'running' });
    void checkChange(change).then(setCheck);
  };
  useEffect(() => {
    if (auto && change.logIndex !== null) run();
    // Re-check when the entry changes, not on every render of the caller.
  }, [auto, change.logIndex]);
  const id = change.logIndex ?? 'pending';
  switch (check.state) {
    case 'idle':
      return (
        <button
          type="button"
          className="button button--secondary"
          data-testid={`verify-${id}`}
          onClick={run}
          disabled={change.logIndex === null}
        >
          {t('recordUi.verify')}
        </button>
      );
    case 'running':
      return <span role="status">{t('recordUi.verifying')}</span>;
    case 'ok':
      return (
        <span
          className="verified"
          data-testid={`verified-${id}`}
          data-leaf-format={check.result.format}
          title={t('recordUi.verifiedTitle', { size: check.result.size, origin: check.result.origin })}
        >
          <span aria-hidden="true">✓ </span>
          {t('recordUi.verified')}
          {check.result.cosigners.length > 0 &&
            ` · ${t('recordUi.cosigned', { count: check.result.cosigners.length })}`}
        </span>
      );
    case 'failed':
      return (
        <span className="verify-failed" role="alert" data-testid={`verify-failed-${id}`}>
          <span aria-hidden="true">✗ </span>
          {t('recordUi.failed', { reason: check.reason })}
        </span>
      );
  }
}
