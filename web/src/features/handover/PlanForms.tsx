/** @module Adding to the plan: a deployment (which unit takes which sector, from when) and a withdrawal milestone. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useAddDeployment, useAddMilestone, type Contribution, type Sector } from '../force/queries.ts';

export function DeploymentForm({
  contributions,
  sectors,
}: {
  contributions: readonly Contribution[];
  sectors: readonly Sector[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const units = contributions
    .filter((c) => c.unit === 'personnel' && c.status !== 'withdrawn' && c.status !== 'rotated' && c.kind !== 'money')
    .sort((a, b) => f.collator.compare(a.organisationName, b.organisationName));
  const [contributionId, setContributionId] = useState('');
  const [sectorId, setSectorId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [strength, setStrength] = useState('');
  const addDeployment = useAddDeployment();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (
      await addDeployment({
        body: { contributionId, sectorId, from, to: to === '' ? null : to, strength: Number(strength) },
      })
    ) {
      setStrength('');
    }
  };
  return (
    <form
      className="plan-form"
      onSubmit={(e) => void onSubmit(e)}
      data-testid="deployment-form"
      aria-labelledby="deployment-form-title"
    >
      <h3 id="deployment-form-title">{t('handoverUi.deploymentTitle')}</h3>
      <div className="plan-form__grid">
        <label className="plan-form__wide">
          {t('handoverUi.fields.unit')}
          <select
            required
            value={contributionId}
            onChange={(e) => setContributionId(e.target.value)}
            data-testid="deployment-contribution"
          >
            <option value="">{t('forceUi.choose')}</option>
            {units.map((c) => (
              <option key={c.id} value={c.id}>
                {`${c.organisationName} — ${t(`enum.capability.${c.capability}`)}${c.quantity === null ? '' : ` (${f.number(c.quantity)})`} — ${t(`enum.status.${c.status}`)}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('handoverUi.fields.sector')}
          <select
            required
            value={sectorId}
            onChange={(e) => setSectorId(e.target.value)}
            data-testid="deployment-sector"
          >
            <option value="">{t('forceUi.choose')}</option>
            {sectors.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('handoverUi.fields.from')}
          <input
            type="date"
            required
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            data-testid="deployment-from"
          />
        </label>
        <label>
          {t('handoverUi.fields.to')}
          <input
            type="date"
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.target.value)}
            data-testid="deployment-to"
          />
        </label>
        <label>
          {t('handoverUi.fields.strength')}
          <input
            type="number"
            required
            min={1}
            step={1}
            value={strength}
            onChange={(e) => setStrength(e.target.value)}
            data-testid="deployment-strength"
          />
        </label>
      </div>
      <button type="submit" className="button" data-testid="deployment-submit">
        {t('handoverUi.deploymentSubmit')}
      </button>
    </form>
  );
}

export function MilestoneForm({ sectors }: { sectors: readonly Sector[] }) {
  const { t } = useTranslation();
  const [sectorId, setSectorId] = useState('');
  const [at, setAt] = useState('');
  const [area, setArea] = useState('');
  const [condition, setCondition] = useState('');
  const addMilestone = useAddMilestone();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (await addMilestone({ body: { sectorId, kind: 'withdrawal', at, area, condition } })) {
      setArea('');
      setCondition('');
    }
  };
  return (
    <form
      className="plan-form"
      onSubmit={(e) => void onSubmit(e)}
      data-testid="milestone-form"
      aria-labelledby="milestone-form-title"
    >
      <h3 id="milestone-form-title">{t('handoverUi.milestoneTitle')}</h3>
      <div className="plan-form__grid">
        <label>
          {t('handoverUi.fields.sector')}
          <select required value={sectorId} onChange={(e) => setSectorId(e.target.value)}>
            <option value="">{t('forceUi.choose')}</option>
            {sectors.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('handoverUi.fields.at')}
          <input type="date" required value={at} onChange={(e) => setAt(e.target.value)} />
        </label>
        <label className="plan-form__wide">
          {t('handoverUi.fields.area')}
          <input type="text" maxLength={500} value={area} onChange={(e) => setArea(e.target.value)} />
        </label>
        <label className="plan-form__wide">
          {t('handoverUi.fields.condition')}
          <input type="text" maxLength={2000} value={condition} onChange={(e) => setCondition(e.target.value)} />
        </label>
      </div>
      <button type="submit" className="button">
        {t('handoverUi.milestoneSubmit')}
      </button>
    </form>
  );
}
