/**
 * @module Recording a delivery from the page. The names field is offered only to callers the
 * server already trusts with names on this provision (`namesVisible`).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/describeError.ts';
import type { AppError } from '../../store/errors.ts';
import { useRecordDelivery, type ProvisionItem } from './queries.ts';

function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

export function DeliveryForm({ p }: { p: ProvisionItem }) {
  const { t } = useTranslation();
  const recordDelivery = useRecordDelivery();
  const [count, setCount] = useState('1');
  const [occurredAt, setOccurredAt] = useState(localNow);
  const [verifier, setVerifier] = useState('');
  const [location, setLocation] = useState('');
  const [evidence, setEvidence] = useState('');
  const [names, setNames] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const id = (field: string) => `delivery-${p.id}-${field}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setSaved(false);
    const persons = names
      .split('\n')
      .map((n) => n.trim())
      .filter((n) => n !== '')
      .map((name) => ({ name }));
    const result = await recordDelivery({
      params: { id: p.id },
      body: {
        count: Number(count),
        occurredAt: new Date(occurredAt).toISOString(),
        verifier: verifier.trim(),
        location,
        evidence,
        ...(p.namesVisible && persons.length > 0 ? { persons } : {}),
      },
    });
    setPending(false);
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setSaved(true);
      setNames('');
    }
  }

  return (
    <details className="provision__form">
      <summary>{t('complianceUi.record.title')}</summary>
      <form onSubmit={(e) => void submit(e)} data-testid="delivery-form">
        <div className="field">
          <label htmlFor={id('count')}>{t('complianceUi.record.count')}</label>
          <input
            id={id('count')}
            type="number"
            min={0}
            required
            value={count}
            onChange={(e) => setCount(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={id('at')}>{t('complianceUi.record.occurredAt')}</label>
          <input
            id={id('at')}
            type="datetime-local"
            required
            value={occurredAt}
            onChange={(e) => setOccurredAt(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={id('verifier')}>{t('complianceUi.record.verifier')}</label>
          <input id={id('verifier')} required value={verifier} onChange={(e) => setVerifier(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={id('location')}>{t('complianceUi.record.location')}</label>
          <input id={id('location')} value={location} onChange={(e) => setLocation(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={id('evidence')}>{t('complianceUi.record.evidence')}</label>
          <input id={id('evidence')} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
        </div>
        {p.namesVisible && (
          <div className="field">
            <label htmlFor={id('names')}>{t('complianceUi.record.names')}</label>
            <textarea id={id('names')} rows={3} value={names} onChange={(e) => setNames(e.target.value)} />
          </div>
        )}
        {error && (
          <p className="notice notice--error" role="alert">
            {describeError(t, error, 'data')}
          </p>
        )}
        {saved && (
          <p className="notice notice--info" role="status">
            {t('complianceUi.record.saved')}
          </p>
        )}
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('complianceUi.record.saving') : t('complianceUi.record.submit')}
        </button>
      </form>
    </details>
  );
}
