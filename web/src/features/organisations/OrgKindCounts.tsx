import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { Link } from '../../router/Link.tsx';
import type { Organisation } from './queries.ts';
import { countByKind } from './kindCounts.ts';

export function OrgKindCounts({ items }: { items: readonly Organisation[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="org-counts" data-testid="org-kind-counts">
      <dl className="count-list">
        {countByKind(items).map(({ kind, count }) => (
          <div key={kind} className="count-list__item" data-testid={`org-count-${kind}`}>
            <dt>{t(`enum.orgKind.${kind}`)}</dt>
            <dd className="num">{f.number(count)}</dd>
          </div>
        ))}
      </dl>
      <p className="org-counts__total">
        <strong>{t('orgCounts.total', { n: f.number(items.length) })}</strong>
        {' · '}
        <Link to="/organisations">{t('orgCounts.viewAll')}</Link>
      </p>
    </div>
  );
}
