/**
 * @module Every contribution with its caveats: what a state offers is only useful to planners
 * together with the limits it attaches (national caveats), and where each contributor stands
 * with the parties whose consent its admission needs (for readers allowed to see it).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat, type Formatters } from '../../i18n/format.ts';
import type { Contribution } from './queries.ts';
import type { TFunction } from 'i18next';
import { StandingsCell, useStandingsOf } from '../consent/Standings.tsx';

function quantityText(c: Contribution, t: TFunction, f: Formatters): string | null {
  if (c.quantity === null) return null;
  if (c.unit === 'currency') return c.currency ? f.money(c.quantity, c.currency) : f.number(c.quantity);
  return t(`units.${c.unit}`, { count: c.quantity, n: f.number(c.quantity) });
}

/** A field withheld from this account: said so, never shown as "none". */
function Restricted({ t }: { t: TFunction }) {
  return (
    <span className="muted restricted" data-testid="restricted" title={t('contributions.restrictedTitle')}>
      {t('contributions.restricted')}
    </span>
  );
}

export function ContributionsTable({ items }: { items: readonly Contribution[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const standingsOf = useStandingsOf();
  const rows = useMemo(
    () => [...items].sort((a, b) => f.collator.compare(a.organisationName, b.organisationName)),
    [items, f],
  );
  if (rows.length === 0) return <p className="empty">{t('contributions.empty')}</p>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="contributions-caption" tabIndex={0}>
      <table className="table" data-testid="contributions-table">
        <caption id="contributions-caption">{t('contributions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contributions.columns.organisation')}</th>
            <th scope="col">{t('contributions.columns.kind')}</th>
            <th scope="col">{t('contributions.columns.capability')}</th>
            <th scope="col" className="num">
              {t('contributions.columns.quantity')}
            </th>
            <th scope="col">{t('contributions.columns.status')}</th>
            <th scope="col">{t('contributions.columns.caveats')}</th>
            <th scope="col">{t('contributions.columns.expectedArrival')}</th>
            {standingsOf && <th scope="col">{t('consentUi.standing.column')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const qty = quantityText(c, t, f);
            const withheld = (field: string) => c.restricted.includes(field);
            return (
              <tr key={c.id} data-testid="contribution-row">
                <th scope="row">
                  <bdi>{c.organisationName}</bdi>
                </th>
                <td>{t(`enum.contributionKind.${c.kind}`)}</td>
                <td>{t(`enum.capability.${c.capability}`)}</td>
                <td className="num">
                  {withheld('quantity') ? (
                    <Restricted t={t} />
                  ) : (
                    (qty ?? <span className="muted">{t('contributions.notStated')}</span>)
                  )}
                </td>
                <td>
                  <span className={`status status--${c.status}`}>{t(`enum.status.${c.status}`)}</span>
                </td>
                <td className="caveats">
                  {c.caveats === null ? (
                    <Restricted t={t} />
                  ) : c.caveats.trim() === '' ? (
                    <span className="muted">{t('contributions.noCaveats')}</span>
                  ) : (
                    <bdi>{c.caveats}</bdi>
                  )}
                </td>
                <td className="nowrap">
                  {withheld('expectedArrival') ? (
                    <Restricted t={t} />
                  ) : c.expectedArrival ? (
                    f.date(c.expectedArrival)
                  ) : (
                    <span className="muted">{t('contributions.notStated')}</span>
                  )}
                </td>
                {standingsOf && (
                  <td>
                    <StandingsCell standings={standingsOf(c.id)} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
