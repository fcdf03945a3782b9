/** @module A party disputes a provision's status, with a reason (tracked until a coordinator resolves it). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/describeError.ts';
import type { AppError } from '../../store/errors.ts';
import { useOpenDispute, type ProvisionItem } from './queries.ts';

export function DisputeForm({ p }: { p: ProvisionItem }) {
  const { t } = useTranslation();
  const openDispute = useOpenDispute();
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const fieldId = `dispute-${p.id}-reason`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    const result = await openDispute({ params: { id: p.id }, body: { reason: reason.trim() } });
    setPending(false);
    setError(result.ok ? null : result.error);
    setSaved(result.ok);
    if (result.ok) setReason('');
  }

  return (
    <details className="provision__form">
      <summary>{t('complianceUi.disputeForm.title')}</summary>
      <form onSubmit={(e) => void submit(e)} data-testid="dispute-form">
        <div className="field">
          <label htmlFor={fieldId}>{t('complianceUi.disputeForm.reason')}</label>
          <textarea id={fieldId} rows={3} required value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        {error && (
          <p className="notice notice--error" role="alert">
            {describeError(t, error, 'data')}
          </p>
        )}
        {saved && (
          <p className="notice notice--info" role="status">
            {t('complianceUi.disputeForm.saved')}
          </p>
        )}
        <button type="submit" className="button" disabled={pending}>
          {t('complianceUi.disputeForm.submit')}
        </button>
      </form>
    </details>
  );
}
