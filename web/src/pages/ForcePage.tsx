/**
 * @module Force generation: what the mandate requires against what is deployed, confirmed,
 * pledged and of interest, on any day and over time; recording offers and moving them through
 * their statuses.
 */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';
import { RemoteView } from '../components/RemoteView.tsx';
import { ContributionsTable } from '../features/force/ContributionsTable.tsx';
import { GapChart } from '../features/force/GapChart.tsx';
import { GapTable } from '../features/force/GapTable.tsx';
import { PledgeForm } from '../features/force/PledgeForm.tsx';
import { TransitionForm } from '../features/force/TransitionForm.tsx';
import { WriteStatus } from '../features/force/WriteStatus.tsx';
import { useHandoverLive } from '../features/force/live.ts';
import {
  setGapDay,
  setPeriod,
  useContributions,
  useGap,
  useGapDay,
  usePeriod,
  useSeries,
} from '../features/force/queries.ts';
import { refetchRoutes } from '../data/queryClient.ts';
import { useAbilities } from '../store/hooks.ts';
import '../features/force/force.css';

export default function ForcePage() {
  const { t } = useTranslation();
  useHandoverLive();
  const on = useGapDay();
  const period = usePeriod();
  const gap = useGap();
  const series = useSeries();
  const contributions = useContributions();
  const mayOffer = useAbilities().offerContribution;

  return (
    <div className="page" data-testid="force-page">
      <PageHeading>{t('forceUi.title')}</PageHeading>
      <p className="lede">{t('forceUi.lede')}</p>

      <section className="panel" aria-labelledby="gap-heading">
        <h2 id="gap-heading">{t('forceUi.gapTitle')}</h2>
        <div className="plan-controls">
          <label>
            {t('forceUi.onDay')}
            <input
              type="date"
              value={on}
              onChange={(e) => e.target.value && setGapDay(e.target.value)}
              data-testid="gap-day"
            />
          </label>
        </div>
        <RemoteView remote={gap} what={t('forceUi.gapWhat')} onRetry={() => void refetchRoutes(['getForceGap'])}>
          {(g) => <GapTable gap={g} />}
        </RemoteView>
        <p className="note">{t('forceUi.gapNote')}</p>
      </section>

      <section className="panel" aria-labelledby="series-heading">
        <h2 id="series-heading">{t('forceUi.seriesTitle')}</h2>
        <div className="plan-controls">
          <label>
            {t('forceUi.from')}
            <input
              type="date"
              value={period.from}
              onChange={(e) => e.target.value && setPeriod({ ...period, from: e.target.value })}
            />
          </label>
          <label>
            {t('forceUi.to')}
            <input
              type="date"
              value={period.to}
              onChange={(e) => e.target.value && setPeriod({ ...period, to: e.target.value })}
            />
          </label>
        </div>
        <RemoteView
          remote={series}
          what={t('forceUi.seriesWhat')}
          onRetry={() => void refetchRoutes(['getForceGapSeries'])}
        >
          {(points) => <GapChart points={points} />}
        </RemoteView>
      </section>

      {mayOffer && (
        <section className="panel" aria-labelledby="offers-heading">
          <h2 id="offers-heading">{t('forceUi.offersTitle')}</h2>
          <WriteStatus />
          <div className="plan-forms">
            <PledgeForm />
            <RemoteView
              remote={contributions}
              what={t('contributions.what')}
              onRetry={() => void refetchRoutes(['listContributions'])}
              quiet
            >
              {(items) => <TransitionForm contributions={items} />}
            </RemoteView>
          </div>
        </section>
      )}

      <section className="panel" aria-labelledby="all-contributions-heading">
        <h2 id="all-contributions-heading">{t('contributions.title')}</h2>
        <RemoteView
          remote={contributions}
          what={t('contributions.what')}
          onRetry={() => void refetchRoutes(['listContributions'])}
        >
          {(items) => <ContributionsTable items={items} />}
        </RemoteView>
      </section>
    </div>
  );
}
