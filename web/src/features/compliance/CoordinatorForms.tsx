/**
 * @module What a coordinator does on a provision: assign the Peace Accords Matrix score (0-3)
 * with evidence and rationale, and resolve a party's open dispute.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/describeError.ts';
import type { AppError } from '../../store/errors.ts';
import { useAssessProvision, useResolveDispute, type ProvisionItem, type WriteResult } from './queries.ts';

function useWrite() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const run = async (action: () => Promise<WriteResult>): Promise<boolean> => {
    setPending(true);
    setSaved(false);
    const result = await action();
    setPending(false);
    setError(result.ok ? null : result.error);
    setSaved(result.ok);
    return result.ok;
  };
  return { pending, error, saved, run };
}

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
        <div className="field">
          <label htmlFor={id('score')}>{t('complianceUi.assessForm.score')}</label>
          <select id={id('score')} value={score} onChange={(e) => setScore(e.target.value)}>
            {[0, 1, 2, 3].map((s) => (
              <option key={s} value={s}>
                {t(`complianceUi.pam.${s as 0 | 1 | 2 | 3}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('evidence')}>{t('complianceUi.assessForm.evidence')}</label>
          <textarea
            id={id('evidence')}
            rows={2}
            required
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={id('rationale')}>{t('complianceUi.assessForm.rationale')}</label>
          <textarea
            id={id('rationale')}
            rows={2}
            required
            value={rationale}
            onChange={(e) => setRationale(e.target.value)}
          />
        </div>
        {w.error && (
          <p className="notice notice--error" role="alert">
            {describeError(t, w.error, 'data')}
          </p>
        )}
        {w.saved && (
          <p className="notice notice--info" role="status">
            {t('complianceUi.assessForm.saved')}
          </p>
        )}
        <button type="submit" className="button" disabled={w.pending}>
          {t('complianceUi.assessForm.submit')}
        </button>
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
      <div className="field">
        <label htmlFor={id('outcome')}>{t('complianceUi.resolveForm.outcome')}</label>
        <select
          id={id('outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value === 'upheld' ? 'upheld' : 'rejected')}
        >
          <option value="upheld">{t('complianceUi.disputeStatus.upheld')}</option>
          <option value="rejected">{t('complianceUi.disputeStatus.rejected')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('resolution')}>{t('complianceUi.resolveForm.resolution')}</label>
        <textarea
          id={id('resolution')}
          rows={2}
          required
          value={resolution}
          onChange={(e) => setResolution(e.target.value)}
        />
      </div>
      {w.error && (
        <p className="notice notice--error" role="alert">
          {describeError(t, w.error, 'data')}
        </p>
      )}
      <button type="submit" className="button button--secondary" disabled={w.pending}>
        {t('complianceUi.resolveForm.submit')}
      </button>
    </form>
  );
}
