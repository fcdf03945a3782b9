/**
 * @module Consent at a glance: one row per decision, one column per party asked anywhere, each
 * cell the party's standing answer (or awaited, or not asked). A symbol for the eye and the
 * words beside it, so the table reads the same without colour and to a screen reader.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../router/Link.tsx';
import { useFormat } from '../../i18n/format.ts';
import { cellOf, decisionHref, latestAnswers, type Cell, type Names } from './names.ts';
import type { Decision } from './queries.ts';

const SYMBOL: Record<Cell, string> = {
  consent: '✓',
  consent_with_conditions: '✓*',
  objection: '✕',
  abstention: '○',
  withdrawal: '↩',
  awaiting: '…',
  notAsked: '·',
};

export function ConsentMatrix({ decisions, names }: { decisions: readonly Decision[]; names: Names }) {
  const { t } = useTranslation();
  const f = useFormat();
  const parties = useMemo(() => {
    const ids = new Set(decisions.flatMap((d) => d.requiredOrgIds));
    return [...ids].map((id) => ({ id, name: names.org(id) })).sort((a, b) => f.collator.compare(a.name, b.name));
  }, [decisions, names, f]);
  if (decisions.length === 0 || parties.length === 0) return <p className="empty">{t('consentUi.empty')}</p>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="matrix-caption" tabIndex={0}>
      <table className="table consent-matrix" data-testid="consent-matrix">
        <caption id="matrix-caption">{t('consentUi.matrix.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consentUi.columns.decision')}</th>
            {parties.map((p) => (
              <th key={p.id} scope="col" className="consent-matrix__party">
                <bdi>{p.name}</bdi>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {decisions.map((d) => {
            const latest = latestAnswers(d);
            return (
              <tr key={d.id} data-testid="matrix-row" data-decision={d.id}>
                <th scope="row">
                  <Link to={decisionHref(d.id)}>
                    <bdi>{d.title}</bdi>
                  </Link>{' '}
                  <span className="muted">({t(`consentUi.state.${d.state}`)})</span>
                </th>
                {parties.map((p) => {
                  const cell = cellOf(d, latest, p.id);
                  return (
                    <td
                      key={p.id}
                      className={`consent-cell consent-cell--${cell}`}
                      data-party={p.name}
                      data-cell={cell}
                    >
                      <span aria-hidden="true" className="consent-cell__symbol">
                        {SYMBOL[cell]}
                      </span>{' '}
                      {t(`consentUi.cell.${cell}`)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
