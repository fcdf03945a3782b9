/**
 * @module A coordinator proposes a decision: its kind (whose consent rule says which parties are
 * asked, shown before sending), a title, details, the record it concerns, anyone else to ask,
 * and the time by which answers are due (the reader's own clock, sent as an instant).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DECISION_KINDS,
  type DecisionKind,
  type SubjectKind,
} from '../../../../src/capabilities/consent/contract/enums.ts';
import { SUBJECTS_OF } from '../../../../src/capabilities/consent/domain/rules.ts';
import { Field } from '../../components/form/Field.tsx';
import { FormFeedback } from '../../components/form/FormFeedback.tsx';
import { useWrite } from '../../components/form/useWrite.ts';
import type { Organisation } from '../organisations/queries.ts';
import type { Names } from './names.ts';
import { useProposeDecision, type ConsentRule } from './queries.ts';
import type { Subjects } from './subjects.ts';

/** Organisations whose consent a decision may ask: parties and states (contributors, guarantors). */
const ASKABLE = new Set(['party', 'state']);

interface Props {
  rules: readonly ConsentRule[];
  organisations: readonly Organisation[];
  subjects: Subjects;
  names: Names;
}

export function ProposeForm({ rules, organisations, subjects, names }: Props) {
  const { t } = useTranslation();
  const propose = useProposeDecision();
  const w = useWrite();
  const [kind, setKind] = useState<DecisionKind>('admission');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [subjectKind, setSubjectKind] = useState<SubjectKind | ''>('contribution');
  const [subjectId, setSubjectId] = useState('');
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  const [due, setDue] = useState('');
  const id = (f: string) => `propose-${f}`;
  const rule = rules.find((r) => r.kind === kind);
  const kinds = SUBJECTS_OF[kind];
  const needsSubject = kind === 'admission' || kind === 'deployment';
  const askable = organisations.filter((o) => ASKABLE.has(o.kind) && !rule?.requiredOrgIds.includes(o.id));

  function chooseKind(next: DecisionKind) {
    setKind(next);
    setSubjectKind(SUBJECTS_OF[next][0] ?? '');
    setSubjectId('');
  }

  function toggle(orgId: string, on: boolean) {
    const next = new Set(added);
    if (on) next.add(orgId);
    else next.delete(orgId);
    setAdded(next);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await w.run(() =>
      propose({
        body: {
          kind,
          title: title.trim(),
          body: body.trim(),
          subjects: subjectKind !== '' && subjectId !== '' ? [{ kind: subjectKind, id: subjectId }] : [],
          addOrgIds: [...added],
          dueAt: new Date(due).toISOString(),
        },
      }),
    );
    if (ok) {
      setTitle('');
      setBody('');
      setSubjectId('');
      setAdded(new Set());
    }
  }

  return (
    <form className="decision-form" onSubmit={(e) => void submit(e)} data-testid="propose-form">
      <Field id={id('kind')} label={t('consentUi.propose.kind')}>
        <select id={id('kind')} value={kind} onChange={(e) => chooseKind(e.target.value as DecisionKind)}>
          {DECISION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`consentUi.kind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <p className="note" data-testid="propose-rule">
        {rule
          ? t(rule.quorum === null ? 'consentUi.propose.ruleAll' : 'consentUi.propose.ruleQuorum', {
              n: rule.quorum ?? 0,
              orgs: rule.requiredOrgIds.map((o) => names.org(o)).join(', '),
            })
          : t('consentUi.propose.noRule')}
        {rule?.illustrative && ` ${t('consentUi.propose.illustrative')}`}
      </p>
      <Field id={id('title')} label={t('consentUi.propose.title')}>
        <input id={id('title')} required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field id={id('body')} label={t('consentUi.propose.body')}>
        <textarea id={id('body')} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
      </Field>
      {kinds.length > 1 && (
        <Field id={id('subject-kind')} label={t('consentUi.propose.subjectKind')}>
          <select
            id={id('subject-kind')}
            value={subjectKind}
            onChange={(e) => {
              setSubjectKind(e.target.value as SubjectKind | '');
              setSubjectId('');
            }}
          >
            <option value="">{t('consentUi.propose.noSubject')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`consentUi.subject.${k}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {subjectKind !== '' && (
        <Field id={id('subject')} label={t('consentUi.propose.subject')}>
          <select
            id={id('subject')}
            required={needsSubject}
            value={subjectId}
            onChange={(e) => setSubjectId(e.target.value)}
          >
            <option value="">{needsSubject ? t('consentUi.propose.choose') : t('consentUi.propose.noSubject')}</option>
            {subjects.options(subjectKind).map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
      )}
      <fieldset>
        <legend>{rule ? t('consentUi.propose.alsoAsk') : t('consentUi.propose.ask')}</legend>
        <div className="choice-grid">
          {askable.map((o) => (
            <label key={o.id} className="choice">
              <input type="checkbox" checked={added.has(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />{' '}
              <bdi>{o.name}</bdi>
            </label>
          ))}
        </div>
      </fieldset>
      <Field id={id('due')} label={t('consentUi.propose.due')}>
        <input id={id('due')} type="datetime-local" required value={due} onChange={(e) => setDue(e.target.value)} />
      </Field>
      <FormFeedback write={w} savedText={t('consentUi.propose.saved')} submitText={t('consentUi.propose.submit')} />
    </form>
  );
}
