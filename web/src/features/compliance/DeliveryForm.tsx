/**
 * @module Recording a delivery from the page. The names field is offered only to callers the
 * server already trusts with names on this provision (`namesVisible`).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/form/Field.tsx';
import { FormFeedback } from '../../components/form/FormFeedback.tsx';
import { useWrite } from '../../components/form/useWrite.ts';
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
  const w = useWrite();
  const id = (field: string) => `delivery-${p.id}-${field}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const persons = names
      .split('\n')
      .map((n) => n.trim())
      .filter((n) => n !== '')
      .map((name) => ({ name }));
    const ok = await w.run(() =>
      recordDelivery({
        params: { id: p.id },
        body: {
          count: Number(count),
          occurredAt: new Date(occurredAt).toISOString(),
          verifier: verifier.trim(),
          location,
          evidence,
          ...(p.namesVisible && persons.length > 0 ? { persons } : {}),
        },
      }),
    );
    if (ok) setNames('');
  }

  return (
    <details className="provision__form">
      <summary>{t('complianceUi.record.title')}</summary>
      <form onSubmit={(e) => void submit(e)} data-testid="delivery-form">
        <Field id={id('count')} label={t('complianceUi.record.count')}>
          <input
            id={id('count')}
            type="number"
            min={0}
            required
            value={count}
            onChange={(e) => setCount(e.target.value)}
          />
        </Field>
        <Field id={id('at')} label={t('complianceUi.record.occurredAt')}>
          <input
            id={id('at')}
            type="datetime-local"
            required
            value={occurredAt}
            onChange={(e) => setOccurredAt(e.target.value)}
          />
        </Field>
        <Field id={id('verifier')} label={t('complianceUi.record.verifier')}>
          <input id={id('verifier')} required value={verifier} onChange={(e) => setVerifier(e.target.value)} />
        </Field>
        <Field id={id('location')} label={t('complianceUi.record.location')}>
          <input id={id('location')} value={location} onChange={(e) => setLocation(e.target.value)} />
        </Field>
        <Field id={id('evidence')} label={t('complianceUi.record.evidence')}>
          <input id={id('evidence')} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
        </Field>
        {p.namesVisible && (
          <Field id={id('names')} label={t('complianceUi.record.names')}>
            <textarea id={id('names')} rows={3} value={names} onChange={(e) => setNames(e.target.value)} />
          </Field>
        )}
        <FormFeedback
          write={w}
          savedText={t('complianceUi.record.saved')}
          submitText={t('complianceUi.record.submit')}
          pendingText={t('complianceUi.record.saving')}
        />
      </form>
    </details>
  );
}
