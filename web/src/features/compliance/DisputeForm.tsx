/** @module A party disputes a provision's status, with a reason (tracked until a coordinator resolves it). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/form/Field.tsx';
import { FormFeedback } from '../../components/form/FormFeedback.tsx';
import { useWrite } from '../../components/form/useWrite.ts';
import { useOpenDispute, type ProvisionItem } from './queries.ts';

export function DisputeForm({ p }: { p: ProvisionItem }) {
  const { t } = useTranslation();
  const openDispute = useOpenDispute();
  const [reason, setReason] = useState('');
  const w = useWrite();
  const fieldId = `dispute-${p.id}-reason`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await w.run(() => openDispute({ params: { id: p.id }, body: { reason: reason.trim() } }))) setReason('');
  }

  return (
    <details className="provision__form">
      <summary>{t('complianceUi.disputeForm.title')}</summary>
      <form onSubmit={(e) => void submit(e)} data-testid="dispute-form">
        <Field id={fieldId} label={t('complianceUi.disputeForm.reason')}>
          <textarea id={fieldId} rows={3} required value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <FormFeedback
          write={w}
          savedText={t('complianceUi.disputeForm.saved')}
          submitText={t('complianceUi.disputeForm.submit')}
        />
      </form>
    </details>
  );
}
