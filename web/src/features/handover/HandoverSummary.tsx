/** @module The dashboard's view of the handover check: how many of each finding over the plan's period. */
import { useTranslation } from 'react-i18next';
import { RemoteView } from '../../components/RemoteView.tsx';
import { Link } from '../../router/Link.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useCheck } from '../force/queries.ts';
import { refetchRoutes } from '../../data/queryClient.ts';

const KINDS = ['vacuum', 'understrength', 'overcommitted', 'unconfirmed', 'unconsented'] as const;

export function HandoverSummary() {
  const { t } = useTranslation();
  const f = useFormat();
  const check = useCheck();
  return (
    <RemoteView remote={check} what={t('handoverUi.checkWhat')} onRetry={() => void refetchRoutes(['checkHandover'])}>
      {(c) => (
        <>
          <p className="muted">{t('handoverUi.summaryPeriod', { from: f.date(c.from), to: f.date(c.to) })}</p>
          <ul className="count-list" data-testid="handover-summary">
            {KINDS.map((k) => (
              <li key={k} className="count-list__item" data-kind={k}>
                <span className={`finding-badge finding-badge--${k}`}>{t(`handoverUi.kind.${k}`)}</span>
                <span className="num" data-testid={`summary-${k}`}>
                  {f.number(c.findings.filter((x) => x.kind === k).length)}
                </span>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/handover">{t('handoverUi.openPlan')}</Link>
          </p>
        </>
      )}
    </RemoteView>
  );
}
