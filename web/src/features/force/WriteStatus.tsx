/** @module What became of the last write of the plan: saved, or why it was refused. */
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/describeError.ts';
import { usePlanWriteStatus } from './queries.ts';

export function WriteStatus() {
  const { t } = useTranslation();
  const write = usePlanWriteStatus();
  if (write.error) {
    return (
      <div className="notice notice--error" role="alert" data-testid="plan-write-error">
        <p>
          <strong>{t('forceUi.writeFailed')}</strong>{' '}
          {write.error.kind === 'unexpected' && write.error.status === 409
            ? t('forceUi.conflict')
            : describeError(t, write.error, 'data')}
          {write.error.kind === 'invalid' &&
            write.error.fields.length > 0 &&
            ` (${write.error.fields.map((e) => `${e.path}: ${e.message}`).join('; ')})`}
        </p>
      </div>
    );
  }
  if (write.saved) {
    return (
      <p className="notice notice--info" role="status" data-testid="plan-write-ok">
        {t('forceUi.saved')}
      </p>
    );
  }
  return null;
}
