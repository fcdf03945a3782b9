/**
 * @module The first screen after sign-in: what awaits the reader's own answer (when anything
 * does), then the state of force generation and who takes part.
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
import { useHandoverLive } from '../features/force/live.ts';
import {
  PLAN_ROUTES,
  useContributions,
  useMission,
  type Contribution,
  type Mission,
} from '../features/force/queries.ts';
import { useOrganisations } from '../features/organisations/queries.ts';
import '../features/handover/handover.css';
import { useFormat } from '../i18n/format.ts';
import { refetchRoutes } from '../data/queryClient.ts';
import type { Remote } from '../data/remote.ts';
import { SitrepLink } from '../features/record/SitrepLink.tsx';
import { AwaitingMyAnswer } from '../features/consent/AwaitingYou.tsx';

const retry = (id: 'getMission' | 'listContributions' | 'listOrganisations') => () => void refetchRoutes([id]);

/** When the oldest of these was loaded, or null if one has never loaded. */
function oldestLoad(remotes: readonly Remote<unknown>[]): number | null {
  let oldest: number | null = null;
  for (const r of remotes) {
    const at = r.status === 'idle' ? undefined : r.loadedAt;
    if (at === undefined) return null;
    oldest = oldest === null ? at : Math.min(oldest, at);
  }
  return oldest;
}

export function DashboardPage() {
  const { t } = useTranslation();
  const f = useFormat();
  useHandoverLive();
  const mission = useMission();
  const contributions = useContributions();
  const organisations = useOrganisations();
  const all = [mission, contributions, organisations];
  const loadedAt = oldestLoad(all);
  const refreshing = all.some((r) => r.status === 'loading');

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
            <button
              type="button"
              className="button button--secondary"
              disabled={refreshing}
              onClick={() => void refetchRoutes([...PLAN_ROUTES, 'listOrganisations'])}
            >
              {refreshing ? t('dashboard.refreshing') : t('dashboard.refresh')}
            </button>
          </>
        }
      >
        {t('dashboard.title')}
      </PageHeading>

      <AwaitingMyAnswer />

      <section className="panel" aria-labelledby="force-heading">
        <h2 id="force-heading">{t('force.title')}</h2>
        <RemoteView remote={mission} what={t('mission.what')} onRetry={retry('getMission')}>
          {(m) => (
            <RemoteView
              remote={contributions}
              what={t('contributions.what')}
              onRetry={retry('listContributions')}
              quiet
            >
              {(items) => <ForceSummaryView mission={m} items={items} />}
            </RemoteView>
          )}
        </RemoteView>
      </section>

      <div className="dashboard-grid">
        <section className="panel panel--wide" aria-labelledby="contributions-heading">
          <h2 id="contributions-heading">{t('contributions.title')}</h2>
          <RemoteView remote={contributions} what={t('contributions.what')} onRetry={retry('listContributions')}>
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
          <RemoteView remote={organisations} what={t('organisations.what')} onRetry={retry('listOrganisations')}>
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
      {summary.unquantified > 0 && (
        <p className="note">{t('force.unquantified', { n: f.number(summary.unquantified) })}</p>
      )}
    </>
  );
}
