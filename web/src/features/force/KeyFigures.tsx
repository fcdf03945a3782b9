import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { ForceSummary } from './summary.ts';

/** The headline numbers, each on its own: deployed, pledged and interest are never one total. */
export function KeyFigures({ summary }: { summary: ForceSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  const ratio = summary.ceiling > 0 ? summary.deployed / summary.ceiling : 0;
  return (
    <dl className="key-figures" data-testid="force-figures">
      <div className="key-figure key-figure--deployed">
        <dt>{t('force.figureDeployed')}</dt>
        <dd>
          <span className="key-figure__value" data-testid="figure-deployed">
            {f.number(summary.deployed)}
          </span>
          <span className="key-figure__note">{t('force.ofCeiling', { percent: f.percent(ratio) })}</span>
        </dd>
      </div>
      <div className="key-figure">
        <dt>{t('force.figurePledged')}</dt>
        <dd>
          <span className="key-figure__value" data-testid="figure-pledged">
            {f.number(summary.pledged)}
          </span>
        </dd>
      </div>
      <div className="key-figure">
        <dt>{t('force.figureInterest')}</dt>
        <dd>
          <span className="key-figure__value">{f.number(summary.interest)}</span>
        </dd>
      </div>
      <div className="key-figure">
        <dt>{t('force.figureCeiling')}</dt>
        <dd>
          <span className="key-figure__value" data-testid="figure-ceiling">
            {f.number(summary.ceiling)}
          </span>
        </dd>
      </div>
    </dl>
  );
}
