/** @module What awaits whom: every pending decision, when its answers are due and which parties are still awaited. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { Link } from '../../router/Link.tsx';
import { decisionHref, type Names } from './names.ts';
import type { Decision } from './queries.ts';

export function AwaitsWhom({ decisions, names }: { decisions: readonly Decision[]; names: Names }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pending = useMemo(
    () => decisions.filter((d) => d.state === 'pending').sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    [decisions],
  );
  if (pending.length === 0)
    return (
      <p className="empty" data-testid="awaits-none">
        {t('consentUi.awaitsWhom.none')}
      </p>
    );
  return (
    <div className="table-wrap" role="region" aria-labelledby="awaits-caption" tabIndex={0}>
      <table className="table" data-testid="awaits-whom">
        <caption id="awaits-caption">{t('consentUi.awaitsWhom.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consentUi.columns.decision')}</th>
            <th scope="col">{t('consentUi.columns.due')}</th>
            <th scope="col">{t('consentUi.columns.awaiting')}</th>
          </tr>
        </thead>
        <tbody>
          {pending.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                <Link to={decisionHref(d.id)}>
                  <bdi>{d.title}</bdi>
                </Link>
              </th>
              <td className="nowrap">{f.agreementTime(d.dueAt)}</td>
              <td>
                {d.awaiting.map((id, i) => (
                  <span key={id}>
                    {i > 0 && ', '}
                    <bdi>{names.org(id)}</bdi>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
