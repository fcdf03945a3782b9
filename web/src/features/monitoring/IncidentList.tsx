/** @module The incident list for the current filters: status and outcome apart, and who works on each. */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { IncidentItem } from './queries.ts';
import { openIncident } from './query.ts';
import { assigneeLabel } from './assignee.ts';

export function IncidentList({ items }: { items: readonly IncidentItem[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (items.length === 0)
    return (
      <p className="empty" data-testid="incident-list-empty">
        {t('monitoringUi.list.empty')}
      </p>
    );
  return (
    <div className="table-wrap" role="region" aria-labelledby="incidents-caption" tabIndex={0}>
      <table className="table" data-testid="incident-list">
        <caption id="incidents-caption">{t('monitoringUi.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('monitoringUi.list.when')}</th>
            <th scope="col">{t('monitoringUi.list.title')}</th>
            <th scope="col">{t('monitoringUi.list.status')}</th>
            <th scope="col">{t('monitoringUi.list.outcome')}</th>
            <th scope="col" className="num">
              {t('monitoringUi.list.reports')}
            </th>
            <th scope="col">{t('monitoringUi.list.assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} data-testid="incident-row" data-incident-id={i.id}>
              <td>
                <time dateTime={i.occurredAt}>{f.dateTime(i.occurredAt)}</time>
              </td>
              <td>
                <a
                  href={`/monitoring?incident=${i.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    openIncident(i.id);
                  }}
                >
                  {i.title}
                </a>
              </td>
              <td>
                <span className={`badge badge--${i.status}`}>{t(`monitoringUi.status.${i.status}`)}</span>
              </td>
              <td>{t(`monitoringUi.outcome.${i.outcome ?? 'none'}`)}</td>
              <td className="num">{i.reportCount}</td>
              <td data-testid="incident-assignee">
                {assigneeLabel(i, t) ?? <span className="muted">{t('monitoringUi.list.nobody')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
