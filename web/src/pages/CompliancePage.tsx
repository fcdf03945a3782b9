/**
 * @module The compliance page: implementation per phase and per party, then every provision by
 * phase with its derived status, countdown, history and evidence. Person-level data appears only
 * where the server sent it (the provision's intermediary, coordinators and admins).
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';
import { RemoteView } from '../components/RemoteView.tsx';
import { useFormat } from '../i18n/format.ts';
import { useSession } from '../store/hooks.ts';
import { useRemote } from '../store/hooks.ts';
import { can, type Actor } from '../../../src/domain/policy.ts';
import { ProvisionForm } from '../features/compliance/ProvisionForm.tsx';
import { ComplianceSummary } from '../features/compliance/ComplianceSummary.tsx';
import { ProvisionCard } from '../features/compliance/ProvisionCard.tsx';
import { loadCompliance, useComplianceData, watchCompliance, type ProvisionItem } from '../features/compliance/store.ts';
import '../features/compliance/compliance.css';

export default function CompliancePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const auth = useSession((s) => s.auth);
  const organisations = useRemote('organisations');
  const data = useComplianceData();
  const user = auth.status === 'signedIn' ? auth.session.user : null;
  const userId = user?.id ?? null;
  useEffect(() => {
    if (!userId) return undefined;
    void loadCompliance(userId);
    return watchCompliance(userId);
  }, [userId]);
  const actor: Actor | null = user ? { userId: user.id, organisationId: user.organisationId, role: user.role } : null;
  const partyOrg = organisations.status !== 'idle' && (organisations.data ?? []).some((o) => o.id === user?.organisationId && o.kind === 'party');
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
              <span className="muted" data-testid="compliance-as-of">{t('complianceUi.asOf', { time: f.time(Date.parse(data.data.list.asOf)) })}</span>
            )}
            <button type="button" className="button button--secondary" data-testid="compliance-refresh" disabled={data.status === 'loading'}
              onClick={() => userId && void loadCompliance(userId)}>
              {t('complianceUi.refresh')}
            </button>
          </>
        }
      >
        {t('complianceUi.title')}
      </PageHeading>
      <p className="lede">{t('complianceUi.lede')}</p>
      <RemoteView remote={data} what={t('complianceUi.what')} onRetry={() => userId && void loadCompliance(userId)}>
        {(d) => (
          <>
            <section className="panel" aria-labelledby="compliance-summary-heading">
              <h2 id="compliance-summary-heading">{t('complianceUi.summary.title')}</h2>
              <ComplianceSummary summary={d.summary} />
              <p className="note">
                {t('complianceUi.exports')}{' '}
                <a href="/api/exports/provisions.csv" download>{t('complianceUi.exportProvisions')}</a>
                {' · '}
                <a href="/api/exports/provision-deliveries.csv" download>{t('complianceUi.exportDeliveries')}</a>
              </p>
            </section>
            {actor && can(actor, 'provision.create') && organisations.status !== 'idle' && organisations.data && (
              <section className="panel" aria-label={t('complianceUi.newProvision.title')}>
                <ProvisionForm userId={actor.userId} organisations={organisations.data} events={d.summary.events} />
              </section>
            )}
            {phases.length === 0 && <p className="empty">{t('complianceUi.empty')}</p>}
            {actor && phases.map(([phase, items]) => (
              <section key={phase} className="panel" aria-labelledby={`phase-${phase}`} data-testid={`phase-${phase}`}>
                <h2 id={`phase-${phase}`}>{t('complianceUi.phaseHeading', { n: phase })}</h2>
                {items.map((p) => <ProvisionCard key={p.id} p={p} actor={actor} partyOrg={partyOrg} />)}
              </section>
            ))}
          </>
        )}
      </RemoteView>
    </div>
  );
}
