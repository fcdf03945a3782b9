/**
 * @module The decisions page: what awaits the reader's own answer first, then what awaits whom,
 * consent at a glance per party, and every decision with its state, its history of answers and
 * the actions its abilities allow (answer, withdraw, cancel; propose, and set the consent rules,
 * for whoever may). Follows
 * other people's answers live (the `handover` topic carries every consent change). `?id=` picks
 * one decision: the dashboard's links land on it.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_STATES, type DecisionState } from '../../../../src/capabilities/consent/contract/enums.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RemoteView } from '../../components/RemoteView.tsx';
import { refetchRoutes } from '../../data/queryClient.ts';
import { useSearchParams } from '../../router/router.ts';
import { useAbilities, useSession } from '../../store/hooks.ts';
import { useHandoverLive } from '../force/live.ts';
import { useSectors } from '../force/queries.ts';
import { useOrganisations } from '../organisations/queries.ts';
import { AwaitingYou } from './AwaitingYou.tsx';
import { AwaitsWhom } from './AwaitsWhom.tsx';
import { ConsentMatrix } from './ConsentMatrix.tsx';
import { DecisionCard } from './DecisionCard.tsx';
import { useNames } from './names.ts';
import { ProposeForm } from './ProposeForm.tsx';
import { RulesForm } from './RulesForm.tsx';
import { CONSENT_ROUTES, useConsentRules, useDecisions, type Decision } from './queries.ts';
import { useSubjects } from './subjects.ts';
import './consent.css';

const reload = () => void refetchRoutes(CONSENT_ROUTES);

export default function DecisionsPage() {
  const { t } = useTranslation();
  useHandoverLive();
  const decisions = useDecisions();
  const { proposeDecision: mayPropose, setConsentRules: maySetRules } = useAbilities();
  const orgId = useSession((s) => (s.auth.status === 'signedIn' ? s.auth.session.user.organisationId : null));
  const selected = useSearchParams().get('id');
  const names = useNames();
  const rules = useConsentRules();
  const organisations = useOrganisations();
  const sectorsRemote = useSectors();
  const sectors = sectorsRemote.status === 'idle' ? [] : (sectorsRemote.data ?? []);
  const [state, setState] = useState<DecisionState | ''>('');
  const list = decisions.status === 'idle' ? undefined : decisions.data;
  // Provisions are loaded only where they name something: a proposal, or a decision about one.
  const provisionsNamed = mayPropose || (list ?? []).some((d) => d.subjects.some((s) => s.kind === 'provision'));
  const subjects = useSubjects(names, provisionsNamed);
  const illustrative = rules.status !== 'idle' && (rules.data ?? []).some((r) => r.illustrative);

  // A link to one decision: once it is on screen, bring it into view and put focus on it.
  const present = list?.some((d) => d.id === selected) ?? false;
  useEffect(() => {
    if (!selected || !present) return;
    const el = document.getElementById(`decision-${selected}`);
    el?.scrollIntoView({ block: 'start' });
    el?.focus({ preventScroll: true });
  }, [selected, present]);

  return (
    <div className="page" data-testid="decisions-page">
      <PageHeading
        actions={
          <button
            type="button"
            className="button button--secondary"
            disabled={decisions.status === 'loading'}
            onClick={reload}
          >
            {t('consentUi.refresh')}
          </button>
        }
      >
        {t('consentUi.title')}
      </PageHeading>
      <p className="lede">{t('consentUi.lede')}</p>
      {illustrative && <p className="note">{t('consentUi.illustrativeRules')}</p>}
      <RemoteView remote={decisions} what={t('consentUi.what')} onRetry={reload}>
        {(items) => (
          <>
            <AwaitingYou decisions={items.filter((d) => orgId !== null && d.awaiting.includes(orgId))} />
            <section className="panel" aria-labelledby="awaits-whom-heading">
              <h2 id="awaits-whom-heading">{t('consentUi.awaitsWhom.title')}</h2>
              <AwaitsWhom decisions={items} names={names} />
            </section>
            <section className="panel" aria-labelledby="matrix-heading">
              <h2 id="matrix-heading">{t('consentUi.matrix.title')}</h2>
              <ConsentMatrix decisions={items.filter((d) => d.state !== 'cancelled')} names={names} />
            </section>
            {mayPropose &&
              rules.status !== 'idle' &&
              rules.data &&
              organisations.status !== 'idle' &&
              organisations.data && (
                <section className="panel">
                  <details className="decision__more">
                    <summary>{t('consentUi.propose.heading')}</summary>
                    <ProposeForm
                      rules={rules.data}
                      organisations={organisations.data}
                      subjects={subjects}
                      names={names}
                    />
                  </details>
                </section>
              )}
            {maySetRules &&
              rules.status !== 'idle' &&
              rules.data &&
              organisations.status !== 'idle' &&
              organisations.data && (
                <section className="panel" data-testid="rules-panel">
                  <details className="decision__more">
                    <summary>{t('consentUi.rules.heading')}</summary>
                    <RulesForm rules={rules.data} organisations={organisations.data} names={names} />
                  </details>
                </section>
              )}
            <section className="panel" aria-labelledby="decisions-heading">
              <div className="decisions__head">
                <h2 id="decisions-heading">{t('consentUi.list.title')}</h2>
                <label className="inline-field">
                  {t('consentUi.list.show')}{' '}
                  <select
                    value={state}
                    onChange={(e) => setState(e.target.value as DecisionState | '')}
                    data-testid="decisions-state"
                  >
                    <option value="">{t('consentUi.list.all')}</option>
                    {DECISION_STATES.map((s) => (
                      <option key={s} value={s}>
                        {t(`consentUi.state.${s}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <DecisionList
                items={items.filter((d) => state === '' || d.state === state)}
                render={(d) => (
                  <DecisionCard
                    key={d.id}
                    d={d}
                    awaitingMe={orgId !== null && d.awaiting.includes(orgId)}
                    names={names}
                    subjects={subjects}
                    sectors={sectors}
                    selected={d.id === selected}
                  />
                )}
              />
            </section>
          </>
        )}
      </RemoteView>
    </div>
  );
}

/** The decisions still open first (soonest due), then the settled ones (latest first). */
function DecisionList({ items, render }: { items: readonly Decision[]; render: (d: Decision) => ReactNode }) {
  const { t } = useTranslation();
  const sorted = useMemo(() => {
    const open = items.filter((d) => d.state === 'pending').sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    const rest = items.filter((d) => d.state !== 'pending').sort((a, b) => b.proposedAt.localeCompare(a.proposedAt));
    return [...open, ...rest];
  }, [items]);
  if (sorted.length === 0) return <p className="empty">{t('consentUi.empty')}</p>;
  return <>{sorted.map(render)}</>;
}
