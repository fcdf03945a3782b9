/**
 * @module The verifiable record: the log's signed head and key, every change newest first (or
 * one record's history with ?kind=&id=), each checkable in this browser.
 */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';
import { Link } from '../router/Link.tsx';
import { useSearchParams } from '../router/router.ts';
import { ChangesTable } from '../features/record/ChangesTable.tsx';
import { useLogHead } from '../features/record/useRecordLog.ts';
import { useChanges } from '../features/record/queries.ts';
import '../features/record/record.css';

export default function RecordPage() {
  const { t } = useTranslation();
  const params = useSearchParams();
  const kind = params.get('kind') ?? undefined;
  const id = params.get('id') ?? undefined;
  const { head, error: headError } = useLogHead();
  const { items, error } = useChanges({ kind, id, limit: 100 });
  return (
    <div className="page" data-testid="record">
      <PageHeading>{t('nav.record')}</PageHeading>
      <section className="panel" aria-labelledby="log-head">
        <h2 id="log-head">{t('recordUi.headTitle')}</h2>
        <p>{t('recordUi.explain')}</p>
        {headError && <p role="alert">{t('recordUi.headFailed', { reason: headError })}</p>}
        {head && (
          <dl className="log-head" data-testid="log-head">
            <dt>{t('recordUi.origin')}</dt>
            <dd className="mono">{head.origin}</dd>
            <dt>{t('recordUi.size')}</dt>
            <dd data-testid="log-size">{head.size}</dd>
            <dt>{t('recordUi.witnesses')}</dt>
            <dd>
              {head.cosigners === 0 ? t('recordUi.noWitnesses') : t('recordUi.cosigned', { count: head.cosigners })}
            </dd>
            <dt>{t('recordUi.vkey')}</dt>
            <dd className="mono break">{head.vkey}</dd>
          </dl>
        )}
        <p className="muted">{t('recordUi.offline')}</p>
      </section>
      <section className="panel" aria-labelledby="changes">
        <h2 id="changes">{kind && id ? t('recordUi.historyOf', { kind, id }) : t('recordUi.latest')}</h2>
        {kind && id && (
          <p>
            <Link to="/record">{t('recordUi.allChanges')}</Link>
          </p>
        )}
        {error && <p role="alert">{error}</p>}
        {items ? <ChangesTable items={items} /> : !error && <p role="status">{t('app.loading')}</p>}
      </section>
    </div>
  );
}
