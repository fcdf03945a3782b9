/**
 * @module One provision: who owes what by when, its derived status, the count against its target,
 * a countdown while the deadline is open, its PAM score, its history, and the actions the
 * signed-in role may take (record a delivery; dispute, for a party; resolve a dispute, for a
 * coordinator). An open dispute shows as a flag beside the derived status.
 */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { Countdown } from './Countdown.tsx';
import { DeliveryForm } from './DeliveryForm.tsx';
import { DisputeForm } from './DisputeForm.tsx';
import { AssessmentForm } from './CoordinatorForms.tsx';
import { ProvisionHistory } from './ProvisionHistory.tsx';
import { LogBadge } from '../record/LogBadge.tsx';
import type { ProvisionItem } from './queries.ts';

const KNOWN_UNITS = ['persons', 'remains', 'bodies', 'trucks'] as const;
type KnownUnit = (typeof KNOWN_UNITS)[number];

export function ProvisionCard({ p, partyOrg }: { p: ProvisionItem; partyOrg: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const open = p.status !== 'fulfilled';
  // Units are data; the usual ones are translated, any other is shown as entered.
  const unitLabel = (unit: string) =>
    KNOWN_UNITS.includes(unit as KnownUnit) ? t(`complianceUi.units.${unit as KnownUnit}`) : unit;
  // What this account may do here, as the server decided from the policy (abilities on the record).
  const may = p.abilities;
  const mayDeliver = may?.deliver === true;
  // Disputing is for a party to the agreement (an organisation kind, checked again by the server).
  const mayDispute = partyOrg && may?.dispute === true;
  const mayAssess = may?.assess === true;
  return (
    <article
      className="provision"
      data-testid="provision"
      data-provision-id={p.id}
      aria-labelledby={`provision-${p.id}`}
    >
      <header className="provision__head">
        <h3 id={`provision-${p.id}`}>
          <bdi>{p.title}</bdi>
        </h3>
        <span className={`status compliance-status--${p.status}`} data-testid="provision-status" data-status={p.status}>
          {t(`complianceUi.status.${p.status}`)}
        </span>
      </header>
      {/* A dispute is a flag beside the status, never a replacement for it: a disputed breach stays a breach. */}
      {p.disputed && (
        <p className="compliance-flag compliance-flag--disputed" data-testid="provision-disputed" role="note">
          {t('complianceUi.disputedFlag', { parties: p.disputedBy.map((x) => x.name).join(', ') })}
        </p>
      )}
      {p.reference !== '' && (
        <p className="muted provision__ref">
          <bdi>{p.reference}</bdi>
        </p>
      )}
      <LogBadge kind="provision" id={p.id} />
      <dl className="provision__facts">
        <div>
          <dt>{t('complianceUi.columns.parties')}</dt>
          <dd>{p.parties.map((x) => x.name).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('complianceUi.columns.progress')}</dt>
          <dd data-testid="provision-progress">
            {p.target !== null
              ? t('complianceUi.progress', { delivered: f.number(p.delivered), target: f.number(p.target) })
              : f.number(p.delivered)}
            {p.measure.kind === 'count' || p.measure.kind === 'ratio' || p.measure.kind === 'rate' ? (
              <>
                {' '}
                <bdi>{unitLabel(p.measure.unit)}</bdi>
              </>
            ) : (
              ''
            )}
            {p.measure.kind === 'rate' && (
              <span className="muted"> · {t('complianceUi.perDay', { n: f.number(p.measure.perDay) })}</span>
            )}
            {(p.measure.kind === 'ratio' || p.measure.kind === 'rate') && p.dueNow !== null && (
              <span className="muted"> · {t('complianceUi.dueNow', { due: f.number(p.dueNow) })}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('complianceUi.columns.deadline')}</dt>
          <dd>
            {p.deadline === null ? (
              t(p.deadlineRule.kind === 'none' ? 'complianceUi.noDeadline' : 'complianceUi.deadlineUnknown')
            ) : (
              <>
                <bdi>{f.agreementTime(p.deadline)}</bdi>
                {open && (
                  <>
                    {' '}
                    · <Countdown deadline={p.deadline} />
                  </>
                )}
              </>
            )}
            {p.fulfilledLate && <span className="muted"> · {t('complianceUi.fulfilledLate')}</span>}
            {!p.started && <span className="muted"> · {t('complianceUi.waiting')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('complianceUi.columns.score')}</dt>
          <dd data-testid="provision-score">{p.score === null ? t('complianceUi.notScored') : `${p.score}/3`}</dd>
        </div>
      </dl>
      {p.text !== '' && (
        <p className="provision__text">
          <bdi>{p.text}</bdi>
        </p>
      )}
      <ProvisionHistory p={p} />
      {mayDeliver && <DeliveryForm p={p} />}
      {mayDispute && <DisputeForm p={p} />}
      {mayAssess && <AssessmentForm p={p} />}
    </article>
  );
}
