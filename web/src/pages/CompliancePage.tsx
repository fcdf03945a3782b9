/**
 * @module The compliance page: implementation per phase and per party, then every provision by
 * phase with its derived status, countdown, history and evidence. Person-level data appears only
 * where the server sent it (the provision's intermediary, coordinators and admins).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';
import { RemoteView } from '../components/RemoteView.tsx';
import { useFormat } from '../i18n/format.ts';
import { useAbilities, useSession } from '../store/hooks.ts';
import { refetchRoutes } from '../data/queryClient.ts';
import { useOrganisations } from '../features/organisations/queries.ts';
import { ProvisionForm } from '../features/compliance/ProvisionForm.tsx';
import { ComplianceSummary } from '../features/compliance/ComplianceSummary.tsx';
import { ProvisionCard } from '../features/compliance/ProvisionCard.tsx';
import {
  COMPLIANCE_ROUTES,
  useComplianceData,
  useComplianceLive,
  type ProvisionItem,
} from '../features/compliance/queries.ts';
import '../features/compliance/compliance.css';

export default function CompliancePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const organisationId = useSession((s) => (s.auth.status === 'signedIn' ? s.auth.session.user.organisationId : null));
  const mayCreate = useAbilities().createProvision;
  const organisations = useOrganisations();
  const data = useComplianceData();
  useComplianceLive();
  const reload = () => void refetchRoutes(COMPLIANCE_ROUTES);
  const partyOrg =
    organisations.status !== 'idle' &&
    (organisations.data ?? []).some((o) => o.id === organisationId && o.kind === 'party');
  const phases = useMemo(() => {
    if (data.status === 'idle' || !data.data) return [];
    const by = new Map<number, ProvisionItem[]>();
    for (const p of data.data.list.items) by.set(p.phase, [...(by.get(p.phase) ?? []), p]);
    return [...by].sort(([a], [b]) => a - b);
  }, [data]);

  return (
    <div className="page" data-testid="compliance-page">
      <PageHeading
        actions={
          <>
            {data.status !== 'idle' && data.data && (
              <span className="muted" data-testid="compliance-as-of">
                {t('complianceUi.asOf', { time: f.time(Date.parse(data.data.list.asOf)) })}
              </span>
            )}
            <button
              type="button"
              className="button button--secondary"
              data-testid="compliance-refresh"
              disabled={data.status === 'loading'}
              onClick={reload}
            >
              {t('complianceUi.refresh')}
            </button>
          </>
        }
      >
        {t('complianceUi.title')}
      </PageHeading>
      <p className="lede">{t('complianceUi.lede')}</p>
      <RemoteView remote={data} what={t('complianceUi.what')} onRetry={reload}>
        {(d) => (
          <>
            <section className="panel" aria-labelledby="compliance-summary-heading">
              <h2 id="compliance-summary-heading">{t('complianceUi.summary.title')}</h2>
              <ComplianceSummary summary={d.summary} />
              <p className="note">
                {t('complianceUi.exports')}{' '}
                <a href="/api/exports/provisions.csv" download>
                  {t('complianceUi.exportProvisions')}
                </a>
                {' · '}
                <a href="/api/exports/provision-deliveries.csv" download>
                  {t('complianceUi.exportDeliveries')}
                </a>
              </p>
            </section>
            {mayCreate && organisations.status !== 'idle' && organisations.data && (
              <section className="panel" aria-label={t('complianceUi.newProvision.title')}>
                <ProvisionForm organisations={organisations.data} events={d.summary.events} />
              </section>
            )}
            {phases.length === 0 && <p className="empty">{t('complianceUi.empty')}</p>}
            {phases.map(([phase, items]) => (
              <section key={phase} className="panel" aria-labelledby={`phase-${phase}`} data-testid={`phase-${phase}`}>
                <h2 id={`phase-${phase}`}>{t('complianceUi.phaseHeading', { n: phase })}</h2>
                {items.map((p) => (
                  <ProvisionCard key={p.id} p={p} partyOrg={partyOrg} />
                ))}
              </section>
            ))}
          </>
        )}
      </RemoteView>
    </div>
  );
}
