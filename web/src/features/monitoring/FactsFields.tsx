/**
 * @module The facts of a report in the form (issue 13): each optional. Numbers and texts are kept
 * as typed and turned into the contract's shape on filing (`draftFacts`), empty fields left out.
 */
import { useTranslation } from 'react-i18next';
import {
  CONFIDENCE_LEVELS,
  OBSERVATION_METHODS,
  PERPETRATOR_KINDS,
  type ReportFacts,
} from '../../../../src/contract/monitoring/facts.ts';
import { PlacePicker } from './PlacePicker.tsx';
import { useParties, type PlaceItem } from './queries.ts';

const NUMBERS = [
  'killedCivilian',
  'killedCombatant',
  'injuredCivilian',
  'injuredCombatant',
  'explosions',
  'shots',
  'bearing',
  'distance',
] as const;
const TEXTS = ['casualtySource', 'weapon', 'calibre', 'startedAt', 'endedAt', 'partyId', 'thirdParty'] as const;
type NumberField = (typeof NUMBERS)[number];
type TextField = (typeof TEXTS)[number];

export interface FactsDraft extends Record<NumberField | TextField, string> {
  place: PlaceItem | null;
  perpetrator: '' | (typeof PERPETRATOR_KINDS)[number];
  method: '' | (typeof OBSERVATION_METHODS)[number];
  confidence: '' | (typeof CONFIDENCE_LEVELS)[number];
}

const blank = Object.fromEntries([...NUMBERS, ...TEXTS].map((k) => [k, ''])) as Record<NumberField | TextField, string>;
export const EMPTY_FACTS: FactsDraft = { ...blank, place: null, perpetrator: '', method: '', confidence: '' };

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));
const text = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());
const instant = (s: string): string | undefined => (s === '' ? undefined : new Date(s).toISOString());

/** The draft as the contract's facts, without the fields left empty. */
export function draftFacts(d: FactsDraft): ReportFacts {
  const casualties = {
    killedCivilian: num(d.killedCivilian),
    killedCombatant: num(d.killedCombatant),
    injuredCivilian: num(d.injuredCivilian),
    injuredCombatant: num(d.injuredCombatant),
    source: text(d.casualtySource),
  };
  const facts = {
    perpetrator:
      d.perpetrator === ''
        ? undefined
        : {
            kind: d.perpetrator,
            partyId: d.perpetrator === 'party' ? text(d.partyId) : undefined,
            name: d.perpetrator === 'third_party' ? text(d.thirdParty) : undefined,
          },
    casualties: Object.values(casualties).some((v) => v !== undefined) ? casualties : undefined,
    weapon: text(d.weapon),
    calibre: text(d.calibre),
    explosions: num(d.explosions),
    shots: num(d.shots),
    bearingDegrees: num(d.bearing),
    distanceMetres: num(d.distance),
    startedAt: instant(d.startedAt),
    endedAt: instant(d.endedAt),
    method: d.method === '' ? undefined : d.method,
    confidence: d.confidence === '' ? undefined : d.confidence,
    placeId: d.place?.id,
  };
  // JSON drops the undefined members: the server gets only what was filled in.
  return JSON.parse(JSON.stringify(facts)) as ReportFacts;
}

interface Props {
  value: FactsDraft;
  onChange: (next: FactsDraft) => void;
  /** Called with a place's point when one is chosen (the form takes it if it has none yet). */
  onPlace: (place: PlaceItem | null) => void;
}

export function FactsFields({ value, onChange, onPlace }: Props) {
  const { t } = useTranslation();
  const parties = useParties();
  const set = (patch: Partial<FactsDraft>) => onChange({ ...value, ...patch });
  const numberField = (k: NumberField, label: string) => (
    <div className="field" key={k}>
      <label htmlFor={`fact-${k}`}>{label}</label>
      <input
        id={`fact-${k}`}
        dir="ltr"
        inputMode="numeric"
        data-testid={`fact-${k}`}
        value={value[k]}
        onChange={(e) => set({ [k]: e.target.value })}
      />
    </div>
  );
  const textField = (k: TextField, label: string, type = 'text') => (
    <div className="field" key={k}>
      <label htmlFor={`fact-${k}`}>{label}</label>
      <input
        id={`fact-${k}`}
        type={type}
        data-testid={`fact-${k}`}
        value={value[k]}
        onChange={(e) => set({ [k]: e.target.value })}
      />
    </div>
  );
  return (
    <fieldset className="report-form__facts">
      <legend>{t('monitoringUi.facts.heading')}</legend>
      <PlacePicker
        value={value.place}
        onChange={(place) => {
          set({ place });
          onPlace(place);
        }}
      />
      <div className="report-form__grid">
        <div className="field">
          <label htmlFor="fact-perpetrator">{t('monitoringUi.facts.perpetrator')}</label>
          <select
            id="fact-perpetrator"
            value={value.perpetrator}
            onChange={(e) => set({ perpetrator: e.target.value as FactsDraft['perpetrator'] })}
          >
            <option value="">{t('monitoringUi.facts.perpetratorNone')}</option>
            {PERPETRATOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`monitoringUi.facts.perpetratorKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {value.perpetrator === 'party' && (
          <div className="field">
            <label htmlFor="fact-partyId">{t('monitoringUi.facts.partyName')}</label>
            <select id="fact-partyId" value={value.partyId} onChange={(e) => set({ partyId: e.target.value })}>
              <option value="" />
              {('data' in parties ? (parties.data ?? []) : []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {value.perpetrator === 'third_party' && textField('thirdParty', t('monitoringUi.facts.thirdPartyName'))}
        {textField('weapon', t('monitoringUi.facts.weapon'))}
        {textField('calibre', t('monitoringUi.facts.calibre'))}
        {numberField('explosions', t('monitoringUi.facts.explosions'))}
        {numberField('shots', t('monitoringUi.facts.shots'))}
        {numberField('bearing', t('monitoringUi.facts.bearing'))}
        {numberField('distance', t('monitoringUi.facts.distance'))}
        {textField('startedAt', t('monitoringUi.facts.startedAt'), 'datetime-local')}
        {textField('endedAt', t('monitoringUi.facts.endedAt'), 'datetime-local')}
        <div className="field">
          <label htmlFor="fact-method">{t('monitoringUi.facts.method')}</label>
          <select
            id="fact-method"
            value={value.method}
            onChange={(e) => set({ method: e.target.value as FactsDraft['method'] })}
          >
            <option value="">{t('monitoringUi.facts.notStated')}</option>
            {OBSERVATION_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`monitoringUi.facts.methods.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fact-confidence">{t('monitoringUi.facts.confidence')}</label>
          <select
            id="fact-confidence"
            value={value.confidence}
            onChange={(e) => set({ confidence: e.target.value as FactsDraft['confidence'] })}
          >
            <option value="">{t('monitoringUi.facts.notStated')}</option>
            {CONFIDENCE_LEVELS.map((c) => (
              <option key={c} value={c}>
                {t(`monitoringUi.facts.confidences.${c}`)}
              </option>
            ))}
          </select>
        </div>
        {numberField('killedCivilian', t('monitoringUi.facts.killedCivilian'))}
        {numberField('killedCombatant', t('monitoringUi.facts.killedCombatant'))}
        {numberField('injuredCivilian', t('monitoringUi.facts.injuredCivilian'))}
        {numberField('injuredCombatant', t('monitoringUi.facts.injuredCombatant'))}
        {textField('casualtySource', t('monitoringUi.facts.casualtySource'))}
      </div>
    </fieldset>
  );
}
