/**
 * @module What a coordinator does on a provision: assign the Peace Accords Matrix score (0-3)
 * with evidence and rationale, and resolve a party's open dispute.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/form/Field.tsx';
import { FormFeedback } from '../../components/form/FormFeedback.tsx';
import { useWrite } from '../../components/form/useWrite.ts';
import { useAssessProvision, useResolveDispute, type ProvisionItem } from './queries.ts';

export function AssessmentForm({ p }: { p: ProvisionItem }) {
  const { t } = useTranslation();
  const [score, setScore] = useState(String(p.score ?? 0));
  const [evidence, setEvidence] = useState('');
  const [rationale, setRationale] = useState('');
  const w = useWrite();
  const assessProvision = useAssessProvision();
  const id = (f: string) => `assess-${p.id}-${f}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await w.run(() =>
      assessProvision({
        params: { id: p.id },
        body: { score: Number(score), evidence: evidence.trim(), rationale: rationale.trim() },
      }),
    );
    if (ok) {
      setEvidence('');
      setRationale('');
    }
  }
  return (
    <details className="provision__form">
      <summary>{t('complianceUi.assessForm.title')}</summary>
      <form onSubmit={(e) => void submit(e)} data-testid="assessment-form">
        <Field id={id('score')} label={t('complianceUi.assessForm.score')}>
          <select id={id('score')} value={score} onChange={(e) => setScore(e.target.value)}>
            {[0, 1, 2, 3].map((s) => (
              <option key={s} value={s}>
                {t(`complianceUi.pam.${s as 0 | 1 | 2 | 3}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('evidence')} label={t('complianceUi.assessForm.evidence')}>
          <textarea
            id={id('evidence')}
            rows={2}
            required
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
          />
        </Field>
        <Field id={id('rationale')} label={t('complianceUi.assessForm.rationale')}>
          <textarea
            id={id('rationale')}
            rows={2}
            required
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
          />
        </Field>
        <FormFeedback
          write={w}
          savedText={t('complianceUi.assessForm.saved')}
          submitText={t('complianceUi.assessForm.submit')}
        />
      </form>
    </details>
  );
}

export function ResolveDisputeForm({ disputeId }: { disputeId: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'upheld' | 'rejected'>('rejected');
  const [resolution, setResolution] = useState('');
  const w = useWrite();
  const resolveDispute = useResolveDispute();
  const id = (f: string) => `resolve-${disputeId}-${f}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    await w.run(() => resolveDispute({ params: { id: disputeId }, body: { outcome, resolution: resolution.trim() } }));
  }
  return (
    <form className="provision__resolve" onSubmit={(e) => void submit(e)} data-testid="resolve-form">
      <Field id={id('outcome')} label={t('complianceUi.resolveForm.outcome')}>
        <select
          id={id('outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value === 'upheld' ? 'upheld' : 'rejected')}
        >
          <option value="upheld">{t('complianceUi.disputeStatus.upheld')}</option>
          <option value="rejected">{t('complianceUi.disputeStatus.rejected')}</option>
        </select>
      </Field>
      <Field id={id('resolution')} label={t('complianceUi.resolveForm.resolution')}>
        <textarea
          id={id('resolution')}
          rows={2}
          required
          value={resolution}
          onChange={(e) => setResolution(e.target.value)}
        />
      </Field>
      <FormFeedback write={w} submitText={t('complianceUi.resolveForm.submit')} secondary />
    </form>
  );
}
