/**
 * @module "Awaiting your answer": the decisions on which the reader's organisation is still
 * awaited, soonest due first, each linking to the decision. Shown first on the dashboard and on
 * the decisions page; nothing at all when nothing awaits (no empty block to read past).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { Link } from '../../router/Link.tsx';
import { decisionHref } from './names.ts';
import { useAwaitingMine, type Decision } from './queries.ts';
import './consent.css';

export function AwaitingYou({ decisions, headingLevel = 2 }: { decisions: readonly Decision[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const f = useFormat();
  const soonest = useMemo(
    () => [...decisions].filter((d) => d.state === 'pending').sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    [decisions],
  );
  if (soonest.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="panel awaiting-you" aria-labelledby="awaiting-you-heading" data-testid="awaiting-you">
      <Heading id="awaiting-you-heading">{t('consentUi.awaitingYou.title')}</Heading>
      <p>{t('consentUi.awaitingYou.lede')}</p>
      <ul className="consent-list awaiting-you__list">
        {soonest.map((d) => (
          <li key={d.id} data-testid="awaiting-decision">
            <Link to={decisionHref(d.id)}>
              <bdi>{d.title}</bdi>
            </Link>{' '}
            <span className="muted">
              {t(`consentUi.kind.${d.kind}`)} · {t('consentUi.awaitingYou.due', { time: f.agreementTime(d.dueAt) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The dashboard's first block: asks only for the decisions awaiting the reader's organisation. */
export function AwaitingMyAnswer() {
  const awaiting = useAwaitingMine();
  const list = awaiting.status === 'idle' ? undefined : awaiting.data;
  // A failure here must not push the rest of the dashboard down: the decisions page reports it.
  return list ? <AwaitingYou decisions={list} /> : null;
}
