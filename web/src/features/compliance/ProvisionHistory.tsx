/**
 * @module A provision's history and evidence: deliveries (names only when the server sent them,
 * i.e. for the roles that handle them), PAM scores, disputes and ruled violations.
 */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { ProvisionItem } from './queries.ts';
import { ResolveDisputeForm } from './CoordinatorForms.tsx';
import { useOrganisations } from '../organisations/queries.ts';

export function ProvisionHistory({ p }: { p: ProvisionItem }) {
  const { t } = useTranslation();
  const f = useFormat();
  const organisations = useOrganisations();
  const orgName = (id: string | null) =>
    id === null
      ? '—'
      : ((organisations.status === 'idle' ? undefined : organisations.data)?.find((o) => o.id === id)?.name ?? id);
  return (
    <details className="provision__history">
      <summary>{t('complianceUi.history')}</summary>
      <h4>{t('complianceUi.deliveries')}</h4>
      {p.deliveries.length === 0 ? (
        <p className="empty">{t('complianceUi.noDeliveries')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={t('complianceUi.deliveries')} tabIndex={0}>
          <table className="table" data-testid="deliveries-table">
            <thead>
              <tr>
                <th scope="col">{t('complianceUi.delivery.occurredAt')}</th>
                <th scope="col" className="num">
                  {t('complianceUi.delivery.count')}
                </th>
                <th scope="col">{t('complianceUi.delivery.verifier')}</th>
                <th scope="col">{t('complianceUi.delivery.location')}</th>
                <th scope="col">{t('complianceUi.delivery.evidence')}</th>
                <th scope="col">{t('complianceUi.delivery.persons')}</th>
                <th scope="col" className="num">
                  {t('complianceUi.delivery.log')}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.deliveries.map((d) => (
                <tr key={d.id} data-testid="delivery-row">
                  <td className="nowrap">{f.agreementDateTime(d.occurredAt)}</td>
                  <td className="num">{f.number(d.count)}</td>
                  <td>
                    <bdi>{d.verifier}</bdi>
                  </td>
                  <td>
                    <bdi>{d.location}</bdi>
                  </td>
                  <td>
                    <bdi>{d.evidence}</bdi>
                  </td>
                  <td data-testid="delivery-persons">
                    {d.persons !== null ? (
                      <ul className="plain-list">
                        {d.persons.map((x, i) => (
                          <li key={i}>
                            <bdi>{x.name}</bdi>
                            {x.idNumber ? ` (${x.idNumber})` : ''}
                          </li>
                        ))}
                      </ul>
                    ) : d.personsNamed > 0 ? (
                      <span className="muted">
                        {t('complianceUi.delivery.namesHidden', { n: f.number(d.personsNamed) })}
                      </span>
                    ) : (
                      <span className="muted">{t('complianceUi.delivery.none')}</span>
                    )}
                  </td>
                  <td className="num">
                    {d.logIndex === null ? (
                      <span className="muted">{t('complianceUi.delivery.none')}</span>
                    ) : (
                      f.number(d.logIndex)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.assessments.length > 0 && (
        <>
          <h4>{t('complianceUi.assessments')}</h4>
          <ul>
            {p.assessments.map((a) => (
              <li key={a.id}>
                {t('complianceUi.assessment', {
                  score: a.score,
                  date: f.agreementDateTime(a.assessedAt),
                  rationale: a.rationale,
                  evidence: a.evidence,
                })}
                {a.logIndex !== null && (
                  <span className="muted"> · {t('complianceUi.logEntry', { n: f.number(a.logIndex) })}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.disputes.length > 0 && (
        <>
          <h4>{t('complianceUi.disputes')}</h4>
          <ul data-testid="disputes">
            {p.disputes.map((d) => (
              <li key={d.id}>
                <span className={`status compliance-status--${d.status === 'open' ? 'disputed' : 'closed'}`}>
                  {t(`complianceUi.disputeStatus.${d.status}`)}
                </span>{' '}
                {t('complianceUi.dispute', {
                  party: d.organisationName,
                  date: f.agreementDateTime(d.openedAt),
                  reason: d.reason,
                })}
                {d.resolution !== '' && (
                  <>
                    {' '}
                    — <bdi>{d.resolution}</bdi>
                  </>
                )}
                {d.logIndex !== null && (
                  <span className="muted"> · {t('complianceUi.logEntry', { n: f.number(d.logIndex) })}</span>
                )}
                {d.status === 'open' && p.abilities?.resolve === true && <ResolveDisputeForm disputeId={d.id} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.violations.length > 0 && (
        <>
          <h4>{t('complianceUi.violations')}</h4>
          <ul data-testid="violations">
            {p.violations.map((v) => (
              <li key={v.id}>
                <bdi>{v.title}</bdi>{' '}
                <span className="muted" data-testid="violation-party">
                  <bdi>{t('complianceUi.violationParty', { party: orgName(v.responsibleOrgId) })}</bdi>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
