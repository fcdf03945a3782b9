/**
 * @module What a ruling found, on the incident: the provision it cites (by reference and title)
 * and the party it names responsible; until when the party may appeal; and while an appeal is
 * decided, both tallies (that the ruling stands, that it is set aside).
 */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useOrganisations } from '../organisations/queries.ts';
import { useProvisionChoices, type IncidentDetail as Detail } from './queries.ts';
import { RulingProgress } from './RulingProgress.tsx';

export function RulingFindings({ incident }: { incident: Detail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const provisions = useProvisionChoices();
  const organisations = useOrganisations();
  const appeal = incident.appeal;
  if (incident.provisionId === null && incident.responsiblePartyId === null && appeal === null) return null;
  const provision =
    provisions.status === 'idle' ? undefined : provisions.data?.find((p) => p.id === incident.provisionId);
  const party =
    organisations.status === 'idle' ? undefined : organisations.data?.find((o) => o.id === incident.responsiblePartyId);
  const round = incident.history.filter(
    (h) => h.round === incident.history.at(-1)?.round && (h.action === 'approve' || h.action === 'contest'),
  );
  return (
    <section data-testid="ruling-findings">
      <h3>{t('monitoringUi.incident.finding.title')}</h3>
      {incident.provisionId !== null && (
        <p data-testid="ruling-provision">
          <bdi>
            {t('monitoringUi.incident.finding.provision', {
              provision: provision ? `${provision.reference} ${provision.title}` : incident.provisionId,
            })}
          </bdi>
        </p>
      )}
      {incident.responsiblePartyId !== null && (
        <p data-testid="ruling-party">
          <bdi>{t('monitoringUi.incident.finding.party', { party: party?.name ?? incident.responsiblePartyId })}</bdi>
        </p>
      )}
      {appeal !== null && incident.status !== 'appealed' && (
        <p className="muted" data-testid="appeal-deadline">
          {appeal.open && appeal.deadline !== null
            ? t('monitoringUi.incident.finding.deadline', { date: f.dateTime(appeal.deadline) })
            : t('monitoringUi.incident.finding.closed')}
        </p>
      )}
      {incident.status === 'appealed' && appeal !== null && (
        <div data-testid="appeal-review">
          <p>
            <strong>{t('monitoringUi.incident.finding.appealReview')}</strong>
          </p>
          {appeal.stands !== null && (
            <>
              <h4>{t('monitoringUi.incident.finding.stands')}</h4>
              <RulingProgress ruling={appeal.stands} approvals={round.filter((h) => h.action === 'approve')} />
              {appeal.stands.newBodyMissing && <p className="muted">{t('monitoringUi.incident.finding.newBody')}</p>}
            </>
          )}
          {appeal.setAside !== null && appeal.setAside.approvedBy.length > 0 && (
            <>
              <h4>{t('monitoringUi.incident.finding.setAside')}</h4>
              <RulingProgress ruling={appeal.setAside} approvals={round.filter((h) => h.action === 'contest')} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
