/**
 * @module Where joint verification of a proposed ruling stands: which monitoring organisations
 * approved (each counted once; monitors' names only when the API gives them, i.e. to the
 * monitoring team), which approvals no longer count and why, and how many more organisations,
 * other than those, must approve.
 */
import { useTranslation } from 'react-i18next';
import type { IncidentDetail as Detail } from './queries.ts';

type Progress = NonNullable<Detail['ruling']>;

export function RulingProgress({ ruling, approvals }: { ruling: Progress; approvals: Detail['approvals'] }) {
  const { t } = useTranslation();
  const orgs = ruling.approvedBy.map((b) => b.organisationName).join(', ');
  const names = (approvers: Progress['approvedBy'][number]['approvers']) =>
    approvers.flatMap((a) => (a.name === null ? [] : [a.name])).join(', ');
  return (
    <section data-testid="ruling-progress">
      <h3>{t('monitoringUi.incident.approvals', { count: ruling.approvedBy.length, quorum: ruling.quorum })}</h3>
      <p className="muted">{t('monitoringUi.incident.ruling.reviewNote')}</p>
      <ul data-testid="ruling-approved-by">
        {ruling.approvedBy.map((b) => (
          <li key={b.organisationId}>
            <bdi>{t('monitoringUi.incident.ruling.approvedBy', { org: b.organisationName })}</bdi>
            {names(b.approvers) !== '' && (
              <>
                {' '}
                <bdi>{t('monitoringUi.incident.ruling.approvers', { names: names(b.approvers) })}</bdi>
              </>
            )}
          </li>
        ))}
      </ul>
      {ruling.notCounted.length > 0 && (
        <ul data-testid="ruling-not-counted">
          {ruling.notCounted.map((n, i) => (
            <li key={i} className="muted">
              {t('monitoringUi.incident.ruling.notCounted', {
                who: n.name ?? n.organisationName ?? '—',
                reason: t(`monitoringUi.incident.ruling.reasons.${n.reason}`),
              })}
            </li>
          ))}
        </ul>
      )}
      <p data-testid="ruling-needed" data-missing={ruling.missing}>
        <strong>
          {ruling.reached
            ? t('monitoringUi.incident.ruling.reached')
            : ruling.approvedBy.length === 0
              ? t('monitoringUi.incident.ruling.needs', { n: ruling.missing })
              : t('monitoringUi.incident.ruling.needsOther', { n: ruling.missing, orgs })}
        </strong>
      </p>
      <ul data-testid="incident-approvals">
        {approvals.map((a) => (
          <li key={a.id}>
            {t(`monitoringUi.incident.action.${a.action}`)}{' '}
            {t('monitoringUi.incident.by', { org: a.actorOrganisationName ?? '—' })}
            {a.rationale ? `: ${a.rationale}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
