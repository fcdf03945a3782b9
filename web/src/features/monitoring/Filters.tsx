/** @module Filters shared by the map and the list: status, ACLED event type, and a time-range slider. */
import { useTranslation } from 'react-i18next';
import { EVENT_TYPES } from '../../../../src/domain/monitoring/acled.ts';
import { INCIDENT_STATUSES } from '../../../../src/domain/monitoring/workflow.ts';
import { setFilters, useFilters } from './queries.ts';

const DAY_STEPS = [0, 1, 3, 7, 14, 30, 90, 365];

export function Filters() {
  const { t } = useTranslation();
  const filters = useFilters();
  const step = Math.max(0, DAY_STEPS.indexOf(filters.days));
  return (
    <fieldset className="monitoring-filters" data-testid="monitoring-filters">
      <legend>{t('monitoringUi.filters.heading')}</legend>
      <div className="field">
        <label htmlFor="filter-status">{t('monitoringUi.filters.status')}</label>
        <select id="filter-status" value={filters.status} onChange={(e) => setFilters({ status: e.target.value })}>
          <option value="">{t('monitoringUi.filters.any')}</option>
          {INCIDENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`monitoringUi.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-type">{t('monitoringUi.filters.eventType')}</label>
        <select id="filter-type" value={filters.eventType} onChange={(e) => setFilters({ eventType: e.target.value })}>
          <option value="">{t('monitoringUi.filters.any')}</option>
          {EVENT_TYPES.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-days">{t('monitoringUi.filters.days')}</label>
        <input
          id="filter-days"
          type="range"
          min={0}
          max={DAY_STEPS.length - 1}
          step={1}
          value={step}
          aria-valuetext={
            filters.days === 0
              ? t('monitoringUi.filters.allTime')
              : t('monitoringUi.filters.lastDays', { count: filters.days })
          }
          onChange={(e) => setFilters({ days: DAY_STEPS[Number(e.target.value)] ?? 0 })}
        />
        <output htmlFor="filter-days">
          {filters.days === 0
            ? t('monitoringUi.filters.allTime')
            : t('monitoringUi.filters.lastDays', { count: filters.days })}
        </output>
      </div>
    </fieldset>
  );
}
