import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { Organisation } from './queries.ts';

export function OrganisationsTable({ items }: { items: readonly Organisation[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows = useMemo(() => [...items].sort((a, b) => f.collator.compare(a.name, b.name)), [items, f]);
  if (rows.length === 0) return <p className="empty">{t('organisations.empty')}</p>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="organisations-caption" tabIndex={0}>
      <table className="table" data-testid="organisations-table">
        <caption id="organisations-caption">{t('organisations.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organisations.columns.name')}</th>
            <th scope="col">{t('organisations.columns.kind')}</th>
            <th scope="col">{t('organisations.columns.country')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id} data-testid="organisation-row">
              <th scope="row">
                <bdi>{o.name}</bdi>
              </th>
              <td>{t(`enum.orgKind.${o.kind}`)}</td>
              <td>
                {o.country === null ? (
                  <span className="muted">{t('organisations.noCountry')}</span>
                ) : (
                  <>
                    {f.region(o.country)} <span className="muted code">({o.country})</span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
