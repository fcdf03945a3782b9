/**
 * @module The phased handover: for every sector and every day of a period, who is responsible
 * and with what strength, checked against the withdrawal milestones and the requirements; a
 * timeline per sector, a map for any day, and the plan's findings (vacuums in red).
 */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';
import { RemoteView } from '../components/RemoteView.tsx';
import { WriteStatus } from '../features/force/WriteStatus.tsx';
import { useHandoverLive } from '../features/force/live.ts';
import {
  setPeriod,
  useCheck,
  useContributions,
  useControlLines,
  useDeployments,
  useMilestones,
  usePeriod,
  useSectors,
} from '../features/force/queries.ts';
import { FindingsList } from '../features/handover/FindingsList.tsx';
import { HandoverMap } from '../features/handover/HandoverMap.tsx';
import { DeploymentForm, MilestoneForm } from '../features/handover/PlanForms.tsx';
import { Timeline } from '../features/handover/Timeline.tsx';
import { refetchRoutes } from '../data/queryClient.ts';
import { useAbilities } from '../store/hooks.ts';
import '../features/force/force.css';
import '../features/handover/handover.css';

export default function HandoverPage() {
  const { t } = useTranslation();
  useHandoverLive();
  const period = usePeriod();
  const check = useCheck();
  const sectors = useSectors();
  const milestones = useMilestones();
  const deployments = useDeployments();
  const lines = useControlLines();
  const contributions = useContributions();
  const plans = useAbilities().planHandover;
  const retry = () =>
    void refetchRoutes(['checkHandover', 'listSectors', 'listMilestones', 'listDeployments', 'listContributions']);

  const ready =
    check.status !== 'idle' &&
    check.data &&
    sectors.status !== 'idle' &&
    sectors.data &&
    milestones.status !== 'idle' &&
    milestones.data &&
    deployments.status !== 'idle' &&
    deployments.data &&
    contributions.status !== 'idle' &&
    contributions.data;
  const all = ready
    ? {
        check: check.data!,
        sectors: sectors.data!,
        milestones: milestones.data!,
        deployments: deployments.data!,
        contributions: contributions.data!,
      }
    : null;

  return (
    <div className="page" data-testid="handover-page">
      <PageHeading>{t('handoverUi.title')}</PageHeading>
      <p className="lede">{t('handoverUi.lede')}</p>
      <div className="plan-controls">
        <label>
          {t('forceUi.from')}
          <input
            type="date"
            value={period.from}
            onChange={(e) => e.target.value && setPeriod({ ...period, from: e.target.value })}
            data-testid="period-from"
          />
        </label>
        <label>
          {t('forceUi.to')}
          <input
            type="date"
            value={period.to}
            onChange={(e) => e.target.value && setPeriod({ ...period, to: e.target.value })}
            data-testid="period-to"
          />
        </label>
      </div>

      <section className="panel" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('handoverUi.timelineHeading')}</h2>
        <RemoteView remote={check} what={t('handoverUi.checkWhat')} onRetry={retry}>
          {() =>
            all && (
              <>
                <Timeline
                  from={all.check.from}
                  to={all.check.to}
                  sectors={all.sectors}
                  milestones={all.milestones}
                  deployments={all.deployments}
                  contributions={all.contributions}
                  findings={all.check.findings}
                />
                <FindingsList findings={all.check.findings} contributions={all.contributions} />
              </>
            )
          }
        </RemoteView>
      </section>

      <section className="panel" aria-labelledby="map-heading">
        <h2 id="map-heading">{t('handoverUi.mapHeading')}</h2>
        <RemoteView
          remote={lines}
          what={t('handoverUi.linesWhat')}
          onRetry={() => void refetchRoutes(['listControlLines'])}
        >
          {(ls) =>
            all && (
              <HandoverMap
                from={all.check.from}
                to={all.check.to}
                sectors={all.sectors}
                lines={ls}
                findings={all.check.findings}
              />
            )
          }
        </RemoteView>
      </section>

      {plans && all && (
        <section className="panel" aria-labelledby="plan-heading">
          <h2 id="plan-heading">{t('handoverUi.planHeading')}</h2>
          <WriteStatus />
          <div className="plan-forms">
            <DeploymentForm contributions={all.contributions} sectors={all.sectors} />
            <MilestoneForm sectors={all.sectors} />
          </div>
        </section>
      )}
    </div>
  );
}
