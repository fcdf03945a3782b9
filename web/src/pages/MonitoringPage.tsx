/**
 * @module Ceasefire monitoring: the live map with server-side clusters, the filters, the
 * headline counts, the incident list and, for monitors, the report form; `?incident=<id>`
 * opens one incident. Every open copy of this page hears new reports and status changes live.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';
import { useAbilities } from '../store/hooks.ts';
import { describeError } from '../components/describeError.ts';
import { MonitoringMap } from '../features/monitoring/MonitoringMap.tsx';
import { Counts } from '../features/monitoring/Counts.tsx';
import { Filters } from '../features/monitoring/Filters.tsx';
import { IncidentList } from '../features/monitoring/IncidentList.tsx';
import { IncidentDetail } from '../features/monitoring/IncidentDetail.tsx';
import { ReportForm } from '../features/monitoring/ReportForm.tsx';
import { useIncidents, useMonitoringLive } from '../features/monitoring/queries.ts';
import { useOpenIncident } from '../features/monitoring/query.ts';
import '../features/monitoring/monitoring.css';

export default function MonitoringPage() {
  const { t } = useTranslation();
  const mayFile = useAbilities().fileReport;
  const live = useMonitoringLive();
  const incidents = useIncidents();
  const error = incidents.status === 'error' ? incidents.error : null;
  const incidentId = useOpenIncident();
  const [filing, setFiling] = useState(false);
  const [picked, setPicked] = useState<[number, number] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <div className="page monitoring" data-testid="monitoring-page">
      <PageHeading
        actions={
          <>
            <span className={`live live--${live}`} data-testid="live-status" role="status">
              {t(`monitoringUi.live.${live}`)}
            </span>
            {mayFile && !filing && (
              <button
                type="button"
                className="button"
                data-testid="open-report-form"
                onClick={() => {
                  setFiling(true);
                  setMessage(null);
                }}
              >
                {t('monitoringUi.form.open')}
              </button>
            )}
          </>
        }
      >
        {t('monitoringUi.title')}
      </PageHeading>
      <p className="lede">{t('monitoringUi.lede')}</p>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{describeError(t, error, 'data')}</p>
        </div>
      )}
      {message && (
        <p className="notice notice--info" role="status" data-testid="report-filed">
          {message}
        </p>
      )}
      <Counts />
      {filing && (
        <ReportForm
          location={picked}
          onLocation={setPicked}
          onDone={(m) => {
            setFiling(false);
            setPicked(null);
            if (m) setMessage(m);
          }}
        />
      )}
      <div className="monitoring__layout">
        <Filters />
        <MonitoringMap
          onPick={filing ? (p) => setPicked([Number(p[0].toFixed(5)), Number(p[1].toFixed(5))]) : undefined}
          picked={picked}
        />
      </div>
      {incidentId ? (
        <IncidentDetail id={incidentId} />
      ) : (
        <section className="panel" aria-labelledby="incidents-heading">
          <h2 id="incidents-heading">{t('monitoringUi.list.heading')}</h2>
          {incidents.status !== 'idle' && incidents.data && <IncidentList items={incidents.data} />}
        </section>
      )}
    </div>
  );
}
