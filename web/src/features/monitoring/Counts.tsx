/** @module The headline numbers, each on its own: allegations, incidents and ruled violations are never one total. */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useCounts } from './queries.ts';

export function Counts() {
  const { t } = useTranslation();
  const f = useFormat();
  const remote = useCounts();
  const counts = remote.status === 'idle' ? undefined : remote.data;
  if (!counts) return null;
  return (
    <dl className="key-figures" data-testid="monitoring-counts" aria-label={t('monitoringUi.counts.heading')}>
      <div className="key-figure">
        <dt>{t('monitoringUi.counts.reports')}</dt>
        <dd>
          <span className="key-figure__value" data-testid="count-reports">
            {f.number(counts.reports)}
          </span>
        </dd>
      </div>
      <div className="key-figure">
        <dt>{t('monitoringUi.counts.incidents')}</dt>
        <dd>
          <span className="key-figure__value" data-testid="count-incidents">
            {f.number(counts.incidents)}
          </span>
        </dd>
      </div>
      <div className="key-figure key-figure--deployed">
        <dt>{t('monitoringUi.counts.ruledViolations')}</dt>
        <dd>
          <span className="key-figure__value" data-testid="count-violations">
            {f.number(counts.ruledViolations)}
          </span>
          <span className="key-figure__note">
            {t('monitoringUi.counts.publishedViolations')} {f.number(counts.publishedViolations)}
          </span>
        </dd>
      </div>
    </dl>
  );
}
