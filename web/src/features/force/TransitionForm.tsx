/**
 * @module Move a contribution to its next status. Only the moves the transition table allows are
 * offered (the same table the server checks), each with a reason that stays in its history.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionStatus } from '../../../../src/contract/enums.ts';
import { needsCertification, nextStatuses } from '../../../../src/domain/force/status.ts';
import { useAbilities } from '../../store/hooks.ts';
import { useFormat } from '../../i18n/format.ts';
import { useMoveContribution, today, type Contribution } from './queries.ts';

export function TransitionForm({ contributions }: { contributions: readonly Contribution[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const movable = contributions
    .filter((c) => nextStatuses(c.kind, c.status).length > 0)
    .sort((a, b) => f.collator.compare(a.organisationName, b.organisationName));
  const [id, setId] = useState('');
  const [to, setTo] = useState<ContributionStatus | ''>('');
  const [reason, setReason] = useState('');
  const [on, setOn] = useState(today());
  const chosen = movable.find((c) => c.id === id);
  const moveContribution = useMoveContribution();
  // A contributor's liaison may declare interest, a pledge or a withdrawal; verified stages are the mission's.
  const certifies = useAbilities().certifyContribution;
  const options = chosen
    ? nextStatuses(chosen.kind, chosen.status).filter((s) => certifies || !needsCertification(s))
    : [];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen || to === '') return;
    if (
      await moveContribution({
        params: { id: chosen.id },
        body: { to, reason, effectiveOn: on, version: chosen.version },
      })
    ) {
      setReason('');
      setTo('');
    }
  };

  return (
    <form
      className="plan-form"
      onSubmit={(e) => void onSubmit(e)}
      data-testid="transition-form"
      aria-labelledby="transition-form-title"
    >
      <h3 id="transition-form-title">{t('forceUi.moveTitle')}</h3>
      <div className="plan-form__grid">
        <label className="plan-form__wide">
          {t('forceUi.fields.contribution')}
          <select
            required
            value={id}
            onChange={(e) => {
              setId(e.target.value);
              setTo('');
            }}
            data-testid="transition-contribution"
          >
            <option value="">{t('forceUi.choose')}</option>
            {movable.map((c) => (
              <option key={c.id} value={c.id}>
                {`${c.organisationName} — ${t(`enum.capability.${c.capability}`)}${c.quantity === null ? '' : ` (${f.number(c.quantity)})`} — ${t(`enum.status.${c.status}`)}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('forceUi.fields.to')}
          <select
            required
            value={to}
            onChange={(e) => setTo(e.target.value as ContributionStatus)}
            disabled={!chosen}
            data-testid="transition-to"
          >
            <option value="">{t('forceUi.choose')}</option>
            {options.map((s) => (
              <option key={s} value={s}>
                {t(`enum.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('forceUi.fields.effectiveOn')}
          <input type="date" required value={on} max={today()} onChange={(e) => setOn(e.target.value)} />
        </label>
        <label className="plan-form__wide">
          {t('forceUi.fields.reason')}
          <input
            type="text"
            required
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="transition-reason"
          />
        </label>
      </div>
      <button type="submit" className="button" disabled={!chosen || to === ''} data-testid="transition-submit">
        {t('forceUi.moveSubmit')}
      </button>
    </form>
  );
}
