/**
 * @module One incident: its reports and evidence, the timeline of every workflow step (who,
 * which organisation, when, why), where joint verification of a proposed ruling stands, and the actions the
 * server says the viewer may take (abilities on the record). Refetched on every live event, so two
 * monitors see each other's steps.
 */
import { FactsView } from './FactsView.tsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  allowedTargets,
  OUTCOMES,
  type IncidentStatus,
  type Outcome,
} from '../../../../src/domain/monitoring/workflow.ts';
import { toAppError, type AppError } from '../../store/errors.ts';
import { describeError } from '../../components/describeError.ts';
import { useSession } from '../../store/hooks.ts';
import { useFormat } from '../../i18n/format.ts';
import { useOrganisations } from '../organisations/queries.ts';
import { useIncident, useIncidentWrite, type IncidentDetail as Detail } from './queries.ts';
import { openIncident } from './query.ts';
import { MergeSplit } from './MergeSplit.tsx';
import { LogBadge } from '../record/LogBadge.tsx';
import { assigneeLabel } from './assignee.ts';
import { RulingProgress } from './RulingProgress.tsx';
import { RulingFindings } from './RulingFindings.tsx';
import { PartyAnswer } from './PartyAnswer.tsx';
import { ProvisionPicker } from './ProvisionPicker.tsx';

const NONE = { transition: false, assign: false, review: false, merge: false, reply: false, appeal: false };

export function IncidentDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const remote = useIncident(id);
  const incident = remote.status === 'idle' ? undefined : remote.data;
  const error = remote.status === 'error' ? remote.error : null;
  const [selected, setSelected] = useState<string[]>([]);
  const canWork = (incident?.abilities ?? NONE).merge;

  if (error && !incident)
    return (
      <div className="notice notice--error" role="alert">
        {describeError(t, error, 'data')}
      </div>
    );
  if (!incident) return <p className="loading">{t('monitoringUi.incident.loading')}</p>;
  return (
    <article className="panel incident" data-testid="incident-detail" data-status={incident.status}>
      <p>
        <a
          href="/monitoring"
          onClick={(e) => {
            e.preventDefault();
            openIncident(null);
          }}
        >
          {t('monitoringUi.incident.back')}
        </a>
      </p>
      <h2>{incident.title}</h2>
      <LogBadge kind="incident" id={incident.id} />
      <p>
        <span className={`badge badge--${incident.status}`} data-testid="incident-status">
          {t(`monitoringUi.status.${incident.status}`)}
        </span>{' '}
        <span data-testid="incident-outcome">{t(`monitoringUi.outcome.${incident.outcome ?? 'none'}`)}</span>{' '}
        <span className="muted" data-testid="incident-assignee">
          {t('monitoringUi.incident.assignee', { name: assigneeLabel(incident, t) ?? t('monitoringUi.list.nobody') })}
        </span>
      </p>
      <RulingFindings incident={incident} />
      <PartyAnswer incident={incident} />
      <Actions incident={incident} selected={selected} onDone={() => setSelected([])} />
      <h3>{t('monitoringUi.incident.reports')}</h3>
      <ul className="incident__reports" data-testid="incident-reports">
        {incident.reports.map((r) => (
          <li key={r.id}>
            {canWork && incident.reports.length > 1 && (
              <label className="incident__select">
                <input
                  type="checkbox"
                  checked={selected.includes(r.id)}
                  onChange={(e) => setSelected((s) => (e.target.checked ? [...s, r.id] : s.filter((x) => x !== r.id)))}
                />{' '}
                {t('monitoringUi.incident.selectReport')}
              </label>
            )}
            <p>
              <time dateTime={r.occurredAt}>{f.dateTime(r.occurredAt)}</time> · {r.eventType} / {r.subEventType}
            </p>
            <p>{r.description ?? <em className="muted">{t('monitoringUi.incident.withheld')}</em>}</p>
            <FactsView facts={r.facts} />
            <p className="muted">
              {t('monitoringUi.incident.source')}: {t(`monitoringUi.form.sourceKinds.${r.source.kind}`)}
              {r.source.name ? ` — ${r.source.name}` : ''}
            </p>
            {r.evidence.length > 0 && (
              <p>
                {t('monitoringUi.incident.evidence')}:{' '}
                {r.evidence.map((e) => (
                  <a key={e.sha256} href={`/api/evidence/${e.sha256}`} dir="ltr">
                    {e.sha256.slice(0, 12)}… ({e.mediaType})
                  </a>
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>
      {incident.status === 'ruling_proposed' && incident.ruling !== null && (
        <RulingProgress ruling={incident.ruling} approvals={incident.approvals} />
      )}
      <h3>{t('monitoringUi.incident.timeline')}</h3>
      <ol className="incident__timeline" data-testid="incident-timeline">
        {incident.history.map((h) => (
          <li key={h.id}>
            <time dateTime={h.at}>{f.dateTime(h.at)}</time> — {t(`monitoringUi.incident.action.${h.action}`)}
            {h.toStatus ? ` → ${t(`monitoringUi.status.${h.toStatus}`)}` : ''}{' '}
            {t('monitoringUi.incident.by', { org: h.actorOrganisationName ?? '—' })}
            {h.rationale ? <q>{h.rationale}</q> : null}
            {h.newEvidence ? (
              <p className="muted">{t('monitoringUi.incident.newEvidence', { text: h.newEvidence })}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </article>
  );
}

function Actions({
  incident,
  selected,
  onDone,
}: {
  incident: Detail;
  selected: readonly string[];
  onDone: (next: Detail) => void;
}) {
  const { t } = useTranslation();
  const userId = useSession((s) => (s.auth.status === 'signedIn' ? s.auth.session.user.id : null));
  const may = incident.abilities ?? NONE;
  const organisations = useOrganisations();
  const transitionIncident = useIncidentWrite('transitionIncident');
  const reviewRuling = useIncidentWrite('reviewRuling');
  const assignIncident = useIncidentWrite('assignIncident');
  const [rationale, setRationale] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('violation');
  const [provisionId, setProvisionId] = useState('');
  const [partyId, setPartyId] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [pending, setPending] = useState(false);
  // Nothing applies (the workflow table offers no step, or the viewer may take none): no panel.
  if (!may.transition && !may.review && !may.assign) return null;
  const parties = organisations.status === 'idle' ? [] : (organisations.data ?? []).filter((o) => o.kind === 'party');
  const run = async (fn: () => Promise<Detail>) => {
    setPending(true);
    setError(null);
    try {
      onDone(await fn());
      setRationale('');
    } catch (err) {
      setError(toAppError(err));
    } finally {
      setPending(false);
    }
  };
  const transition = (to: IncidentStatus) =>
    run(() =>
      transitionIncident({
        params: { id: incident.id },
        body: {
          to,
          rationale,
          version: incident.version,
          ...(to === 'ruling_proposed'
            ? { outcome, ...(outcome === 'violation' ? { provisionId, responsiblePartyId: partyId } : {}) }
            : {}),
        },
      }),
    );
  const targets = may.transition ? allowedTargets(incident.status) : [];
  const appealed = incident.status === 'appealed';
  // Only monitors review a ruling (the server also checks their organisation is a monitoring one).
  const mayReview = may.review;
  return (
    <section className="incident__actions" aria-label={t('monitoringUi.incident.actions')}>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{describeError(t, error, 'data')}</p>
          {error.kind === 'invalid' && (
            <ul>
              {error.fields.map((f) => (
                <li key={f.path}>
                  {f.path}: {f.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor="incident-rationale">
          {incident.status === 'ruling_proposed' || appealed
            ? t('monitoringUi.incident.note')
            : t('monitoringUi.incident.rationale')}
        </label>
        <textarea
          id="incident-rationale"
          rows={2}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          data-testid="incident-rationale"
        />
      </div>
      {targets.includes('ruling_proposed') && (
        <div className="incident__ruling">
          <div className="field">
            <label htmlFor="incident-outcome">{t('monitoringUi.incident.outcomeLabel')}</label>
            <select id="incident-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`monitoringUi.outcome.${o}`)}
                </option>
              ))}
            </select>
          </div>
          {outcome === 'violation' && (
            <>
              <ProvisionPicker value={provisionId} onChange={setProvisionId} />
              <div className="field">
                <label htmlFor="incident-party">{t('monitoringUi.incident.responsibleParty')}</label>
                <select id="incident-party" value={partyId} onChange={(e) => setPartyId(e.target.value)}>
                  <option value="">—</option>
                  {parties.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </div>
            </>
          )}
        </div>
      )}
      <div className="incident__buttons">
        {targets.map((to) => (
          <button
            key={to}
            type="button"
            className="button button--secondary"
            disabled={pending}
            data-testid={`transition-${to}`}
            onClick={() => void transition(to)}
          >
            {t('monitoringUi.incident.moveTo', { status: t(`monitoringUi.status.${to}`) })}
          </button>
        ))}
        {(incident.status === 'ruling_proposed' || appealed) && mayReview && (
          <>
            <button
              type="button"
              className="button"
              disabled={pending}
              data-testid="approve"
              onClick={() =>
                void run(() =>
                  reviewRuling({ params: { id: incident.id }, body: { decision: 'approve', note: rationale } }),
                )
              }
            >
              {appealed ? t('monitoringUi.incident.finding.upholdButton') : t('monitoringUi.incident.approve')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={pending}
              data-testid="contest"
              onClick={() =>
                void run(() =>
                  reviewRuling({ params: { id: incident.id }, body: { decision: 'contest', note: rationale } }),
                )
              }
            >
              {appealed ? t('monitoringUi.incident.finding.setAsideButton') : t('monitoringUi.incident.contest')}
            </button>
          </>
        )}
        {may.assign && userId && incident.assigneeUserId !== userId && (
          <button
            type="button"
            className="button button--secondary"
            disabled={pending}
            data-testid="take-incident"
            onClick={() =>
              void run(() =>
                assignIncident({ params: { id: incident.id }, body: { assigneeUserId: userId, note: '' } }),
              )
            }
          >
            {t('monitoringUi.incident.takeIt')}
          </button>
        )}
      </div>
      <MergeSplit incident={incident} selected={selected} rationale={rationale} onDone={onDone} />
    </section>
  );
}
