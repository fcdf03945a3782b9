/**
 * @module The gap on one day, per capability and per sector: required, then each readiness
 * class in its own column (deployed, confirmed, pledged, interest), then the gap, which only
 * deployed strength closes. The same table downloads as CSV.
 */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { Gap } from './queries.ts';
import { FundingTable } from './FundingTable.tsx';

const COLUMNS = ['required', 'deployed', 'confirmed', 'pledged', 'interest', 'gap'] as const;

function Rows({ rows }: { rows: { key: string; label: string; values: Record<(typeof COLUMNS)[number], number> }[] }) {
  const f = useFormat();
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.key} data-testid="gap-row" data-key={r.key}>
          <th scope="row">
            <bdi>{r.label}</bdi>
          </th>
          {COLUMNS.map((c) => (
            <td key={c} className={`num${c === 'gap' && r.values.gap > 0 ? ' gap-cell--short' : ''}`} data-col={c}>
              {f.number(r.values[c])}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}

function Head({ first }: { first: string }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {COLUMNS.map((c) => (
          <th key={c} scope="col" className="num">
            {t(`forceUi.columns.${c}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function GapTable({ gap }: { gap: Gap }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <div className="table-wrap" role="region" aria-labelledby="gap-caption" tabIndex={0}>
        <table className="table" data-testid="gap-table">
          <caption id="gap-caption">{t('forceUi.gapCaption', { date: f.date(gap.on) })}</caption>
          <Head first={t('forceUi.columns.capability')} />
          <Rows
            rows={gap.byCapability.map((c) => ({
              key: c.capability,
              label: t(`enum.capability.${c.capability}`),
              values: c,
            }))}
          />
          <tfoot>
            <tr data-testid="gap-total">
              <th scope="row">{t('forceUi.total')}</th>
              {COLUMNS.map((c) => (
                <td key={c} className="num">
                  {f.number(gap.total[c])}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="table-wrap" role="region" aria-labelledby="gap-sector-caption" tabIndex={0}>
        <table className="table" data-testid="gap-sector-table">
          <caption id="gap-sector-caption">{t('forceUi.sectorCaption')}</caption>
          <Head first={t('forceUi.columns.sector')} />
          <Rows rows={gap.bySector.map((s) => ({ key: s.sectorId, label: s.sectorName, values: s }))} />
        </table>
      </div>
      <FundingTable funding={gap.funding} />
      <p>
        <a className="button button--secondary" href={`/api/force/gap.csv?on=${gap.on}`} download data-testid="gap-csv">
          {t('forceUi.downloadCsv')}
        </a>
      </p>
    </>
  );
}
