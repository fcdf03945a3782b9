/** @module Money on the day, per currency and FTS stage (pledge, commitment, paid): three figures, never one total. */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { Gap } from './queries.ts';

const STAGES = ['pledged', 'committed', 'paid'] as const;

export function FundingTable({ funding }: { funding: Gap['funding'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (funding.length === 0) return null;
  return (
    <div className="table-wrap" role="region" aria-labelledby="funding-caption" tabIndex={0}>
      <table className="table" data-testid="funding-table">
        <caption id="funding-caption">{t('forceUi.fundingCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('forceUi.currency')}</th>
            {STAGES.map((s) => (
              <th key={s} scope="col" className="num">
                {t(`enum.status.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {funding.map((m) => (
            <tr key={m.currency}>
              <th scope="row">{m.currency}</th>
              {STAGES.map((s) => (
                <td key={s} className="num">
                  {f.money(m[s], m.currency)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
