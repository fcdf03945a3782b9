/**
 * @module A coordinator adds a provision of the agreement: who is obligated, by when (a date, or
 * so long after an agreement event), and how it is measured. Ratios and dependencies between
 * provisions are available through the API.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/form/Field.tsx';
import { FormFeedback } from '../../components/form/FormFeedback.tsx';
import { useWrite } from '../../components/form/useWrite.ts';
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
  const w = useWrite();
  const id = (f: string) => `new-provision-${f}`;
  const parties = organisations.filter((o) => o.kind === 'party' || o.kind === 'state');

  async function submit(e: FormEvent) {
    e.preventDefault();
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
    const ok = await w.run(() =>
      addProvision({
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
      }),
    );
    if (ok) setTitle('');
  }

  return (
    <details className="provision__form">
      <summary>{t('complianceUi.newProvision.title')}</summary>
      <form onSubmit={(e) => void submit(e)} data-testid="provision-form">
        <Field id={id('title')} label={t('complianceUi.newProvision.name')}>
          <input id={id('title')} required value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field id={id('reference')} label={t('complianceUi.newProvision.reference')}>
          <input id={id('reference')} value={reference} onChange={(e) => setReference(e.target.value)} />
        </Field>
        <Field id={id('phase')} label={t('complianceUi.newProvision.phase')}>
          <input
            id={id('phase')}
            type="number"
            min={1}
            max={9}
            required
            value={phase}
            onChange={(e) => setPhase(e.target.value)}
          />
        </Field>
        <Field id={id('type')} label={t('complianceUi.newProvision.type')}>
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
        </Field>
        <Field id={id('party')} label={t('complianceUi.newProvision.party')}>
          <select id={id('party')} required value={partyId} onChange={(e) => setPartyId(e.target.value)}>
            <option value="">—</option>
            {parties.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('intermediary')} label={t('complianceUi.newProvision.intermediary')}>
          <select id={id('intermediary')} value={intermediaryId} onChange={(e) => setIntermediaryId(e.target.value)}>
            <option value="">{t('complianceUi.newProvision.noIntermediary')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('deadline')} label={t('complianceUi.newProvision.deadline')}>
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
        </Field>
        {deadlineKind === 'absolute' && (
          <Field id={id('at')} label={t('complianceUi.newProvision.at')}>
            <input id={id('at')} type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
          </Field>
        )}
        {deadlineKind === 'relative' && (
          <>
            <Field id={id('amount')} label={t('complianceUi.newProvision.amount')}>
              <input
                id={id('amount')}
                type="number"
                min={0}
                required
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
              />
            </Field>
            <Field id={id('unit')} label={t('complianceUi.newProvision.unit')}>
              <select
                id={id('unit')}
                value={unit}
                onChange={(e) => setUnit(e.target.value === 'days' ? 'days' : 'hours')}
              >
                <option value="hours">{t('complianceUi.newProvision.hours')}</option>
                <option value="days">{t('complianceUi.newProvision.days')}</option>
              </select>
            </Field>
            <Field id={id('event')} label={t('complianceUi.newProvision.after')}>
              <select id={id('event')} required value={eventId} onChange={(e) => setEventId(e.target.value)}>
                {events.map((ev) => (
                  <option key={ev.id} value={ev.id}>
                    {ev.name}
                  </option>
                ))}
              </select>
            </Field>
          </>
        )}
        <Field id={id('measure')} label={t('complianceUi.newProvision.measure')}>
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
        </Field>
        {(measure === 'count' || measure === 'rate') && (
          <>
            <Field
              id={id('target')}
              label={t(measure === 'rate' ? 'complianceUi.newProvision.perDay' : 'complianceUi.newProvision.target')}
            >
              <input
                id={id('target')}
                type="number"
                min={1}
                required
                value={target}
                onChange={(e) => setTarget(e.target.value)}
              />
            </Field>
            <Field id={id('measure-unit')} label={t('complianceUi.newProvision.measureUnit')}>
              <input
                id={id('measure-unit')}
                required
                value={measureUnit}
                onChange={(e) => setMeasureUnit(e.target.value)}
              />
            </Field>
          </>
        )}
        <FormFeedback
          write={w}
          savedText={t('complianceUi.newProvision.saved')}
          submitText={t('complianceUi.newProvision.submit')}
        />
      </form>
    </details>
  );
}
