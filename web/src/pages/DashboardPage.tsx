/**
 * @module The first screen after sign-in: the state of force generation and who takes part.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';
import { RemoteView } from '../components/RemoteView.tsx';
import { ContributionsTable } from '../features/force/ContributionsTable.tsx';
import { ForceChart } from '../features/force/ForceChart.tsx';
import { KeyFigures } from '../features/force/KeyFigures.tsx';
import { summariseForce } from '../features/force/summary.ts';
import { OrgKindCounts } from '../features/organisations/OrgKindCounts.tsx';
import { HandoverSummary } from '../features/handover/HandoverSummary.tsx';
import { refreshPlan } from '../features/force/planStore.ts';
import { useRefreshOnFocus } from '../features/force/useRefreshOnFocus.ts';
import '../features/handover/handover.css';
import { useFormat } from '../i18n/format.ts';
import { useStore } from '../store/createStore.ts';
import { dataStore, load, oldestLoad, reload, type Contribution, type Mission, type ResourceKey } from '../store/data.ts';
import { useRemote } from '../store/hooks.ts';
import { SitrepLink } from '../features/record/SitrepLink.tsx';

const DASHBOARD_DATA: readonly ResourceKey[] = ['mission', 'contributions', 'organisations'];

export function DashboardPage() {
  const { t } = useTranslation();
  const f = useFormat();
  useRefreshOnFocus();
  const mission = useRemote('mission');
  const contributions = useRemote('contributions');
  const organisations = useRemote('organisations');
  const data = useStore(dataStore, (s) => s);
  const loadedAt = oldestLoad(data, DASHBOARD_DATA);
  const refreshing = DASHBOARD_DATA.some((k) => data[k].status === 'loading');

  return (
    <div className="page" data-testid="dashboard">
      <PageHeading
        actions={
          <>
            {loadedAt !== null && (
              <span className="muted" data-testid="updated-at">
                {t('dashboard.updated', { time: f.time(loadedAt) })}
              </span>
            )}
            <button type="button" className="button button--secondary" disabled={refreshing} onClick={() => void Promise.all([reload(DASHBOARD_DATA), refreshPlan()])}>
              {refreshing ? t('dashboard.refreshing') : t('dashboard.refresh')}
            </button>
          </>
        }
      >
        {t('dashboard.title')}
      </PageHeading>

      <section className="panel" aria-labelledby="force-heading">
        <h2 id="force-heading">{t('force.title')}</h2>
        <RemoteView remote={mission} what={t('mission.what')} onRetry={() => void load('mission')}>
          {(m) => (
            <RemoteView remote={contributions} what={t('contributions.what')} onRetry={() => void load('contributions')} quiet>
              {(items) => <ForceSummaryView mission={m} items={items} />}
            </RemoteView>
          )}
        </RemoteView>
      </section>

      <div className="dashboard-grid">
        <section className="panel panel--wide" aria-labelledby="contributions-heading">
          <h2 id="contributions-heading">{t('contributions.title')}</h2>
          <RemoteView remote={contributions} what={t('contributions.what')} onRetry={() => void load('contributions')}>
            {(items) => <ContributionsTable items={items} />}
          </RemoteView>
        </section>
        <section className="panel" aria-labelledby="sitrep-heading">
          <h2 id="sitrep-heading">{t('recordUi.sitrepTitle')}</h2>
          <SitrepLink />
        </section>
        <section className="panel" aria-labelledby="handover-summary-heading">
          <h2 id="handover-summary-heading">{t('handoverUi.dashboardTitle')}</h2>
          <HandoverSummary />
        </section>
        <section className="panel" aria-labelledby="org-counts-heading">
          <h2 id="org-counts-heading">{t('orgCounts.title')}</h2>
          <RemoteView remote={organisations} what={t('organisations.what')} onRetry={() => void load('organisations')}>
            {(items) => <OrgKindCounts items={items} />}
          </RemoteView>
        </section>
      </div>
    </div>
  );
}

function ForceSummaryView({ mission, items }: { mission: Mission; items: Contribution[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const summary = useMemo(() => summariseForce(items, mission.forceCeiling), [items, mission.forceCeiling]);
  return (
    <>
      <KeyFigures summary={summary} />
      <ForceChart summary={summary} />
      <p className="note">{t('force.note')}</p>
      {summary.unquantified > 0 && <p className="note">{t('force.unquantified', { n: f.number(summary.unquantified) })}</p>}
    </>
  );
}
