/**
 * @module Record an offer to the force: who, what capability, how many, at which stage (interest
 * or pledge) and since when. After it is saved the gap, the series and the check reload.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CAPABILITIES,
  CONTRIBUTION_KINDS,
  type Capability,
  type ContributionKind,
} from '../../../../src/contract/enums.ts';
import { useFormat } from '../../i18n/format.ts';
import { useAddContribution, today } from './queries.ts';
import { useOrganisations } from '../organisations/queries.ts';

export function PledgeForm() {
  const { t } = useTranslation();
  const f = useFormat();
  const organisations = useOrganisations();
  const addContribution = useAddContribution();
  const orgs =
    organisations.status === 'idle'
      ? []
      : [...(organisations.data ?? [])].sort((a, b) => f.collator.compare(a.name, b.name));
  const [organisationId, setOrganisationId] = useState('');
  const [kind, setKind] = useState<ContributionKind>('forces');
  const [capability, setCapability] = useState<Capability>('infantry');
  const [quantity, setQuantity] = useState('');
  const [status, setStatus] = useState<'interest' | 'pledged'>('pledged');
  const [since, setSince] = useState(today());
  const [caveats, setCaveats] = useState('');

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const n = quantity.trim() === '' ? null : Number(quantity);
    const ok = await addContribution({
      body: { organisationId, kind, capability, quantity: n, unit: 'personnel', status, statusSince: since, caveats },
    });
    if (ok) {
      setQuantity('');
      setCaveats('');
    }
  };

  return (
    <form
      className="plan-form"
      onSubmit={(e) => void onSubmit(e)}
      data-testid="pledge-form"
      aria-labelledby="pledge-form-title"
    >
      <h3 id="pledge-form-title">{t('forceUi.pledgeTitle')}</h3>
      <div className="plan-form__grid">
        <label>
          {t('forceUi.fields.organisation')}
          <select
            required
            value={organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
            data-testid="pledge-organisation"
          >
            <option value="">{t('forceUi.choose')}</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('forceUi.fields.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as ContributionKind)}>
            {CONTRIBUTION_KINDS.filter((k) => k !== 'money').map((k) => (
              <option key={k} value={k}>
                {t(`enum.contributionKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('forceUi.fields.capability')}
          <select
            value={capability}
            onChange={(e) => setCapability(e.target.value as Capability)}
            data-testid="pledge-capability"
          >
            {CAPABILITIES.filter((c) => c !== 'funding').map((c) => (
              <option key={c} value={c}>
                {t(`enum.capability.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('forceUi.fields.personnel')}
          <input
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            data-testid="pledge-quantity"
          />
        </label>
        <label>
          {t('forceUi.fields.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value as 'interest' | 'pledged')}>
            <option value="pledged">{t('enum.status.pledged')}</option>
            <option value="interest">{t('enum.status.interest')}</option>
          </select>
        </label>
        <label>
          {t('forceUi.fields.since')}
          <input
            type="date"
            required
            value={since}
            max={today()}
            onChange={(e) => setSince(e.target.value)}
            data-testid="pledge-since"
          />
        </label>
        <label className="plan-form__wide">
          {t('forceUi.fields.caveats')}
          <input type="text" maxLength={2000} value={caveats} onChange={(e) => setCaveats(e.target.value)} />
        </label>
      </div>
      <button type="submit" className="button" data-testid="pledge-submit">
        {t('forceUi.pledgeSubmit')}
      </button>
    </form>
  );
}
