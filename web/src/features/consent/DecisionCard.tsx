/**
 * @module One decision: its state (and whether an adopted one still meets its rule), what it
 * needs and from whom, when answers are due, what it concerns, every answer given, the mission's
 * notes where the reader is of the mission, and the actions the decision's abilities allow.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/form/Field.tsx';
import { FormFeedback } from '../../components/form/FormFeedback.tsx';
import { useWrite } from '../../components/form/useWrite.ts';
import { useFormat } from '../../i18n/format.ts';
import type { Sector } from '../force/queries.ts';
import { AnswerForm, WithdrawForm } from './AnswerForm.tsx';
import { AnswerHistory } from './AnswerHistory.tsx';
import type { Names } from './names.ts';
import { useAddDecisionNote, useCancelDecision, type Decision } from './queries.ts';
import { StateBadge } from './StateBadge.tsx';
import type { Subjects } from './subjects.ts';

interface Props {
  d: Decision;
  /** The reader's organisation has yet to answer: the form is open, not folded away. */
  awaitingMe: boolean;
  names: Names;
  subjects: Subjects;
  sectors: readonly Sector[];
  selected: boolean;
}

export function DecisionCard({ d, awaitingMe, names, subjects, sectors, selected }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const orgs = d.requiredOrgIds.map((id) => names.org(id)).join(', ');
  // Fixed for the card's life: once answered, the form stays where it was (with its "saved"
  // notice and the focus) instead of folding away under the reader's hands.
  const [openForm] = useState(awaitingMe);
  return (
    <article
      id={`decision-${d.id}`}
      className={selected ? 'decision decision--selected' : 'decision'}
      aria-labelledby={`decision-${d.id}-title`}
      data-testid="decision"
      data-decision={d.id}
      tabIndex={-1}
    >
      <div className="decision__head">
        <h3 id={`decision-${d.id}-title`}>
          <bdi>{d.title}</bdi>
        </h3>
        <StateBadge d={d} />
      </div>
      {d.state === 'adopted' && !d.ruleMet && (
        <p className="notice notice--error decision__warning">{t('consentUi.ruleBrokenDetail')}</p>
      )}
      <dl className="decision__facts">
        <div>
          <dt>{t('consentUi.facts.kind')}</dt>
          <dd>{t(`consentUi.kind.${d.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('consentUi.facts.rule')}</dt>
          <dd>
            {d.quorum === null
              ? t('consentUi.ruleAll', { orgs })
              : t('consentUi.ruleQuorum', { n: f.number(d.quorum), orgs })}
          </dd>
        </div>
        <div>
          <dt>{t('consentUi.facts.due')}</dt>
          <dd>{f.agreementTime(d.dueAt)}</dd>
        </div>
        <div>
          <dt>{t('consentUi.facts.proposed')}</dt>
          <dd>{f.agreementTime(d.proposedAt)}</dd>
        </div>
        {d.adoptedAt !== null && (
          <div>
            <dt>{t('consentUi.facts.adopted')}</dt>
            <dd>{f.agreementTime(d.adoptedAt)}</dd>
          </div>
        )}
        {d.cancelledAt !== null && (
          <div>
            <dt>{t('consentUi.facts.cancelled')}</dt>
            <dd>{f.agreementTime(d.cancelledAt)}</dd>
          </div>
        )}
        {d.state === 'pending' && d.awaiting.length > 0 && (
          <div>
            <dt>{t('consentUi.facts.awaiting')}</dt>
            <dd data-testid="decision-awaiting">{d.awaiting.map((id) => names.org(id)).join(', ')}</dd>
          </div>
        )}
      </dl>
      {d.subjects.length > 0 && (
        <p className="decision__subjects">
          <span className="muted">{t('consentUi.facts.subjects')}:</span>{' '}
          {d.subjects.map((s) => subjects.label(s)).join('; ')}
        </p>
      )}
      {d.body.trim() !== '' && (
        <p className="decision__body">
          <bdi>{d.body}</bdi>
        </p>
      )}
      <h4 className="decision__subheading">{t('consentUi.history.title', { n: f.number(d.answers.length) })}</h4>
      <AnswerHistory d={d} names={names} />
      {d.abilities.answer &&
        (openForm ? (
          <AnswerForm d={d} sectors={sectors} />
        ) : (
          <details className="decision__more">
            <summary>{t('consentUi.answer.change')}</summary>
            <AnswerForm d={d} sectors={sectors} />
          </details>
        ))}
      {d.abilities.withdraw && <WithdrawForm d={d} />}
      {d.notes !== null && <Notes d={d} />}
      {d.abilities.cancel && <CancelForm d={d} />}
    </article>
  );
}

/** The mission's deliberation notes: never sent to parties or contributors (the server sends null). */
function Notes({ d }: { d: Decision }) {
  const { t } = useTranslation();
  const f = useFormat();
  const add = useAddDecisionNote();
  const w = useWrite();
  const [body, setBody] = useState('');
  const fieldId = `note-${d.id}-body`;
  const notes = d.notes ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await w.run(() => add({ params: { id: d.id }, body: { body: body.trim() } }))) setBody('');
  }

  return (
    <details className="decision__more">
      <summary>{t('consentUi.notes.title', { n: f.number(notes.length) })}</summary>
      <p className="note">{t('consentUi.notes.private')}</p>
      <ul className="consent-list">
        {notes.map((n) => (
          <li key={n.id}>
            <span className="muted nowrap">{f.agreementTime(n.createdAt)}</span> <bdi>{n.body}</bdi>
          </li>
        ))}
      </ul>
      {d.abilities.deliberate && (
        <form className="decision-form" onSubmit={(e) => void submit(e)}>
          <Field id={fieldId} label={t('consentUi.notes.body')}>
            <textarea id={fieldId} rows={2} required value={body} onChange={(e) => setBody(e.target.value)} />
          </Field>
          <FormFeedback write={w} submitText={t('consentUi.notes.submit')} secondary />
        </form>
      )}
    </details>
  );
}

/** The proposer cancels a decision not yet adopted or lapsed, at the version on screen. */
function CancelForm({ d }: { d: Decision }) {
  const { t } = useTranslation();
  const cancel = useCancelDecision();
  const w = useWrite();
  async function submit(e: FormEvent) {
    e.preventDefault();
    await w.run(() => cancel({ params: { id: d.id }, body: { version: d.version } }));
  }
  return (
    <form className="decision__cancel" onSubmit={(e) => void submit(e)} data-testid="cancel-form">
      <FormFeedback write={w} submitText={t('consentUi.cancel.submit')} secondary />
    </form>
  );
}
