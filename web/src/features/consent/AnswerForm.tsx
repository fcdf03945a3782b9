/**
 * @module A party answers a decision for its own organisation: consent, consent with conditions
 * (free text and typed caveats "not in sector X", which Truce acts on), objection with reasons,
 * or abstention. Shown only where the decision's abilities allow it; the server checks again.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/form/Field.tsx';
import { FormFeedback } from '../../components/form/FormFeedback.tsx';
import { useWrite } from '../../components/form/useWrite.ts';
import type { Sector } from '../force/queries.ts';
import { useAnswerDecision, type Decision } from './queries.ts';

const CHOICES = ['consent', 'consent_with_conditions', 'objection', 'abstention'] as const;
type Choice = (typeof CHOICES)[number];

export function AnswerForm({ d, sectors }: { d: Decision; sectors: readonly Sector[] }) {
  const { t } = useTranslation();
  const answer = useAnswerDecision();
  const w = useWrite();
  const [choice, setChoice] = useState<Choice>('consent');
  const [conditions, setConditions] = useState('');
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [reasons, setReasons] = useState('');
  const id = (f: string) => `answer-${d.id}-${f}`;
  const withConditions = choice === 'consent_with_conditions';
  const needsReasons = choice === 'objection';

  function toggle(sectorId: string, on: boolean) {
    const next = new Set(excluded);
    if (on) next.add(sectorId);
    else next.delete(sectorId);
    setExcluded(next);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = {
      answer: choice,
      ...(withConditions
        ? {
            conditions: conditions.trim(),
            caveats: [...excluded].map((sectorId) => ({ kind: 'exclude_sector' as const, sectorId })),
          }
        : {}),
      ...(choice === 'objection' || choice === 'abstention' ? { reasons: reasons.trim() } : {}),
    };
    if (await w.run(() => answer({ params: { id: d.id }, body }))) {
      setConditions('');
      setExcluded(new Set());
      setReasons('');
    }
  }

  return (
    <form className="decision-form" onSubmit={(e) => void submit(e)} data-testid="answer-form">
      <fieldset>
        <legend>{t('consentUi.answer.legend')}</legend>
        {CHOICES.map((c) => (
          <label key={c} className="choice">
            <input
              type="radio"
              name={id('choice')}
              value={c}
              checked={choice === c}
              onChange={() => setChoice(c)}
              data-testid={`answer-${c}`}
            />{' '}
            {t(`consentUi.answer.${c}`)}
          </label>
        ))}
      </fieldset>
      {withConditions && (
        <>
          <Field id={id('conditions')} label={t('consentUi.answer.conditions')}>
            <textarea
              id={id('conditions')}
              rows={3}
              value={conditions}
              onChange={(e) => setConditions(e.target.value)}
              data-testid="answer-conditions"
            />
          </Field>
          <fieldset data-testid="answer-excluded">
            <legend>{t('consentUi.answer.excluded')}</legend>
            <p className="note">{t('consentUi.answer.excludedHelp')}</p>
            <div className="choice-grid">
              {sectors.map((s) => (
                <label key={s.id} className="choice">
                  <input
                    type="checkbox"
                    checked={excluded.has(s.id)}
                    onChange={(e) => toggle(s.id, e.target.checked)}
                    data-sector={s.name}
                  />{' '}
                  <bdi>{s.name}</bdi>
                </label>
              ))}
            </div>
          </fieldset>
        </>
      )}
      {(needsReasons || choice === 'abstention') && (
        <Field
          id={id('reasons')}
          label={needsReasons ? t('consentUi.answer.reasons') : t('consentUi.answer.reasonsOptional')}
        >
          <textarea
            id={id('reasons')}
            rows={3}
            required={needsReasons}
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
            data-testid="answer-reasons"
          />
        </Field>
      )}
      <p className="note">{t('consentUi.answer.visible')}</p>
      <FormFeedback write={w} savedText={t('consentUi.answer.saved')} submitText={t('consentUi.answer.submit')} />
    </form>
  );
}

/** A party takes back a consent it gave: an answer of its own, flagged at once on what depends on it. */
export function WithdrawForm({ d }: { d: Decision }) {
  const { t } = useTranslation();
  const answer = useAnswerDecision();
  const w = useWrite();
  const [reasons, setReasons] = useState('');
  const fieldId = `withdraw-${d.id}-reasons`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await w.run(() => answer({ params: { id: d.id }, body: { answer: 'withdrawal', reasons: reasons.trim() } })))
      setReasons('');
  }

  return (
    <details className="decision__more">
      <summary>{t('consentUi.withdraw.title')}</summary>
      <form className="decision-form" onSubmit={(e) => void submit(e)} data-testid="withdraw-form">
        <p className="note">{t('consentUi.withdraw.note')}</p>
        <Field id={fieldId} label={t('consentUi.withdraw.reasons')}>
          <textarea id={fieldId} rows={3} value={reasons} onChange={(e) => setReasons(e.target.value)} />
        </Field>
        <FormFeedback
          write={w}
          savedText={t('consentUi.withdraw.saved')}
          submitText={t('consentUi.withdraw.submit')}
          secondary
        />
      </form>
    </details>
  );
}
