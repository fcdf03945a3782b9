/** @module A decision's derived state, and the warning an adopted decision carries once its rule is no longer met. */
import { useTranslation } from 'react-i18next';
import type { Decision } from './queries.ts';

export function StateBadge({ d }: { d: Decision }) {
  const { t } = useTranslation();
  const broken = d.state === 'adopted' && !d.ruleMet;
  return (
    <span className="decision-states">
      <span
        className={`badge decision-state decision-state--${d.state}`}
        data-testid="decision-state"
        data-state={d.state}
      >
        {t(`consentUi.state.${d.state}`)}
      </span>
      {broken && (
        <span className="badge decision-state decision-state--broken" data-testid="rule-broken">
          {t('consentUi.ruleBroken')}
        </span>
      )}
    </span>
  );
}
