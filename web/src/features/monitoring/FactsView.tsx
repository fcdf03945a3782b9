/**
 * @module A report's facts as the server showed them to this reader: withheld or unreported facts
 * (null) are simply not listed; the place in the reader's language where the gazetteer has it.
 */
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from './queries.ts';
import { useParties } from './queries.ts';
import { placeName } from './placeName.ts';
import { useFormat } from '../../i18n/format.ts';

type Facts = IncidentDetail['reports'][number]['facts'];

export function FactsView({ facts }: { facts: Facts }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const parties = useParties();
  const partyName = (id: string | undefined) =>
    ('data' in parties ? parties.data : undefined)?.find((o) => o.id === id)?.name ?? '';
  const rows: [string, string][] = [];
  const add = (label: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') rows.push([label, String(value)]);
  };
  if (facts.place) {
    const name = placeName(facts.place.names, i18n.language);
    add(
      t('monitoringUi.facts.place'),
      facts.place.illustrative ? `${name} (${t('monitoringUi.facts.illustrative')})` : name,
    );
  }
  if (facts.perpetrator) {
    const p = facts.perpetrator;
    const who = p.kind === 'party' ? partyName(p.partyId) : (p.name ?? '');
    add(
      t('monitoringUi.facts.perpetrator'),
      `${t(`monitoringUi.facts.perpetratorKinds.${p.kind}`)}${who ? ` — ${who}` : ''}`,
    );
  }
  add(t('monitoringUi.facts.weapon'), facts.weapon);
  add(t('monitoringUi.facts.calibre'), facts.calibre);
  add(t('monitoringUi.facts.explosions'), facts.explosions);
  add(t('monitoringUi.facts.shots'), facts.shots);
  add(t('monitoringUi.facts.bearing'), facts.bearingDegrees);
  add(t('monitoringUi.facts.distance'), facts.distanceMetres);
  add(t('monitoringUi.facts.startedAt'), facts.startedAt ? f.dateTime(facts.startedAt) : null);
  add(t('monitoringUi.facts.endedAt'), facts.endedAt ? f.dateTime(facts.endedAt) : null);
  add(t('monitoringUi.facts.method'), facts.method ? t(`monitoringUi.facts.methods.${facts.method}`) : null);
  add(
    t('monitoringUi.facts.confidence'),
    facts.confidence ? t(`monitoringUi.facts.confidences.${facts.confidence}`) : null,
  );
  const c = facts.casualties;
  add(t('monitoringUi.facts.killedCivilian'), c?.killedCivilian);
  add(t('monitoringUi.facts.killedCombatant'), c?.killedCombatant);
  add(t('monitoringUi.facts.injuredCivilian'), c?.injuredCivilian);
  add(t('monitoringUi.facts.injuredCombatant'), c?.injuredCombatant);
  add(t('monitoringUi.facts.casualtySource'), c?.source);
  if (rows.length === 0) return null;
  return (
    <dl className="report-facts" data-testid="report-facts" aria-label={t('monitoringUi.facts.heading')}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
