/**
 * @module A decision's history of answers, oldest first: who answered what and when (in the
 * agreement's zone), with the conditions, the typed caveats and the reasons as given. Every
 * party asked sees every answer: that is the point of the record.
 */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { Names } from './names.ts';
import type { Decision } from './queries.ts';

export function AnswerHistory({ d, names }: { d: Decision; names: Names }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (d.answers.length === 0) return <p className="muted">{t('consentUi.history.none')}</p>;
  return (
    <ol className="answer-history" data-testid="answer-history">
      {d.answers.map((a) => (
        <li key={a.id} data-testid="answer" data-answer={a.answer} data-org={a.organisationName}>
          <span className="nowrap muted">{f.agreementTime(a.answeredAt)}</span>{' '}
          <strong>
            <bdi>{a.organisationName}</bdi>
          </strong>
          {': '}
          <span className={`consent-cell--${a.answer}`}>{t(`consentUi.answerKind.${a.answer}`)}</span>
          {a.conditions.trim() !== '' && (
            <p className="answer-history__text">
              {t('consentUi.history.conditions')}: <bdi>{a.conditions}</bdi>
            </p>
          )}
          {a.caveats.length > 0 && (
            <ul className="answer-history__caveats">
              {a.caveats.map((c) => (
                <li key={`${c.kind}-${c.sectorId}`} data-testid="caveat">
                  {t('consentUi.caveat.exclude_sector', { sector: names.sector(c.sectorId) })}
                </li>
              ))}
            </ul>
          )}
          {a.reasons.trim() !== '' && (
            <p className="answer-history__text">
              {t('consentUi.history.reasons')}: <bdi>{a.reasons}</bdi>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
