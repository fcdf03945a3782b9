/**
 * @module A coordinator adds a provision of the agreement: who is obligated, by when (a date, or
 * so long after an agreement event), and how it is measured. Ratios and dependencies between
 * provisions are available through the API.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/describeError.ts';
import type { AppError } from '../../store/errors.ts';
import type { Organisation } from '../organisations/queries.ts';
import { PROVISION_TYPES, type ProvisionType } from '../../../../src/contract/compliance/enums.ts';
import { useAddProvision, type ComplianceSummaryData } from './queries.ts';

type DeadlineKind = 'none' | 'absolute' | 'relative';
type MeasureKind = 'count' | 'rate' | 'milestone' | 'judgement';

export function ProvisionForm({
  organisations,
  events,
}: {
  organisations: Organisation[];
  events: ComplianceSummaryData['events'];
}) {
  const { t } = useTranslation();
  const addProvision = useAddProvision();
  const [phase, setPhase] = useState('1');
  const [title, setTitle] = useState('');
  const [reference, setReference] = useState('');
  const [type, setType] = useState<ProvisionType>('other');
  const [partyId, setPartyId] = useState('');
  const [intermediaryId, setIntermediaryId] = useState('');
  const [deadlineKind, setDeadlineKind] = useState<DeadlineKind>('relative');
  const [at, setAt] = useState('');
  const [eventId, setEventId] = useState(events[0]?.id ?? '');
  const [amount, setAmount] = useState('72');
  const [unit, setUnit] = useState<'hours' | 'days'>('hours');
  const [measure, setMeasure] = useState<MeasureKind>('count');
  const [target, setTarget] = useState('');
  const [measureUnit, setMeasureUnit] = useState('persons');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const id = (f: string) => `new-provision-${f}`;
  const parties = organisations.filter((o) => o.kind === 'party' || o.kind === 'state');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    const deadline =
      deadlineKind === 'none'
        ? { kind: 'none' as const }
        : deadlineKind === 'absolute'
          ? { kind: 'absolute' as const, at: new Date(at).toISOString() }
          : { kind: 'relative' as const, anchorEventId: eventId, amount: Number(amount), unit };
    const m =
      measure === 'count'
        ? { kind: 'count' as const, target: Number(target), unit: measureUnit }
        : measure === 'rate'
          ? { kind: 'rate' as const, perDay: Number(target), unit: measureUnit }
          : { kind: measure };
    const result = await addProvision({
      body: {
        phase: Number(phase),
        title: title.trim(),
        reference: reference.trim(),
        type,
        partyIds: [partyId],
        deadline,
        measure: m,
        ...(intermediaryId !== '' ? { intermediaryOrgId: intermediaryId } : {}),
      },
    });
    setPending(false);
    setError(result.ok ? null : result.error);
    setSaved(result.ok);
    if (result.ok) setTitle('');
  }

  return (
    <details className="provision__form">
      <summary>{t('complianceUi.newProvision.title')}</summary>
      <form onSubmit={(e) => void submit(e)} data-testid="provision-form">
        <div className="field">
          <label htmlFor={id('title')}>{t('complianceUi.newProvision.name')}</label>
          <input id={id('title')} required value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={id('reference')}>{t('complianceUi.newProvision.reference')}</label>
          <input id={id('reference')} value={reference} onChange={(e) => setReference(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={id('phase')}>{t('complianceUi.newProvision.phase')}</label>
          <input
            id={id('phase')}
            type="number"
            min={1}
            max={9}
            required
            value={phase}
            onChange={(e) => setPhase(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={id('type')}>{t('complianceUi.newProvision.type')}</label>
          <select
            id={id('type')}
            value={type}
            onChange={(e) => setType(PROVISION_TYPES.find((x) => x === e.target.value) ?? 'other')}
          >
            {PROVISION_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`complianceUi.types.${x}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('party')}>{t('complianceUi.newProvision.party')}</label>
          <select id={id('party')} required value={partyId} onChange={(e) => setPartyId(e.target.value)}>
            <option value="">—</option>
            {parties.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('intermediary')}>{t('complianceUi.newProvision.intermediary')}</label>
          <select id={id('intermediary')} value={intermediaryId} onChange={(e) => setIntermediaryId(e.target.value)}>
            <option value="">{t('complianceUi.newProvision.noIntermediary')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('deadline')}>{t('complianceUi.newProvision.deadline')}</label>
          <select
            id={id('deadline')}
            value={deadlineKind}
            onChange={(e) =>
              setDeadlineKind(
                e.target.value === 'none' ? 'none' : e.target.value === 'absolute' ? 'absolute' : 'relative',
              )
            }
          >
            <option value="relative">{t('complianceUi.newProvision.relative')}</option>
            <option value="absolute">{t('complianceUi.newProvision.absolute')}</option>
            <option value="none">{t('complianceUi.noDeadline')}</option>
          </select>
        </div>
        {deadlineKind === 'absolute' && (
          <div className="field">
            <label htmlFor={id('at')}>{t('complianceUi.newProvision.at')}</label>
            <input id={id('at')} type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
          </div>
        )}
        {deadlineKind === 'relative' && (
          <>
            <div className="field">
              <label htmlFor={id('amount')}>{t('complianceUi.newProvision.amount')}</label>
              <input
                id={id('amount')}
                type="number"
                min={0}
                required
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={id('unit')}>{t('complianceUi.newProvision.unit')}</label>
              <select
                id={id('unit')}
                value={unit}
                onChange={(e) => setUnit(e.target.value === 'days' ? 'days' : 'hours')}
              >
                <option value="hours">{t('complianceUi.newProvision.hours')}</option>
                <option value="days">{t('complianceUi.newProvision.days')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={id('event')}>{t('complianceUi.newProvision.after')}</label>
              <select id={id('event')} required value={eventId} onChange={(e) => setEventId(e.target.value)}>
                {events.map((ev) => (
                  <option key={ev.id} value={ev.id}>
                    {ev.name}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor={id('measure')}>{t('complianceUi.newProvision.measure')}</label>
          <select
            id={id('measure')}
            value={measure}
            onChange={(e) =>
              setMeasure(
                e.target.value === 'rate'
                  ? 'rate'
                  : e.target.value === 'milestone'
                    ? 'milestone'
                    : e.target.value === 'judgement'
                      ? 'judgement'
                      : 'count',
              )
            }
          >
            <option value="count">{t('complianceUi.newProvision.count')}</option>
            <option value="rate">{t('complianceUi.newProvision.rate')}</option>
            <option value="milestone">{t('complianceUi.newProvision.milestone')}</option>
            <option value="judgement">{t('complianceUi.newProvision.judgement')}</option>
          </select>
        </div>
        {(measure === 'count' || measure === 'rate') && (
          <>
            <div className="field">
              <label htmlFor={id('target')}>
                {t(measure === 'rate' ? 'complianceUi.newProvision.perDay' : 'complianceUi.newProvision.target')}
              </label>
              <input
                id={id('target')}
                type="number"
                min={1}
                required
                value={target}
                onChange={(e) => setTarget(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={id('measure-unit')}>{t('complianceUi.newProvision.measureUnit')}</label>
              <input
                id={id('measure-unit')}
                required
                value={measureUnit}
                onChange={(e) => setMeasureUnit(e.target.value)}
              />
            </div>
          </>
        )}
        {error && (
          <p className="notice notice--error" role="alert">
            {describeError(t, error, 'data')}
          </p>
        )}
        {saved && (
          <p className="notice notice--info" role="status">
            {t('complianceUi.newProvision.saved')}
          </p>
        )}
        <button type="submit" className="button" disabled={pending}>
          {t('complianceUi.newProvision.submit')}
        </button>
      </form>
    </details>
  );
}
