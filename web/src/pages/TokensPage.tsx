/**
 * The signed-in account's API tokens: list (status, expiry, last use), create (the secret is shown
 * once), revoke. The list is a query of the one cache (cleared with the session); the secret is
 * kept in the page's own state only, so it is gone with the page.
 */
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';
import { describeError } from '../components/describeError.ts';
import { useFormat } from '../i18n/format.ts';
import { toAppError } from '../store/errors.ts';
import { useCreateToken, useRevokeToken, useTokens } from '../features/tokens/queries.ts';

export default function TokensPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const tokens = useTokens();
  const items = tokens.status === 'idle' ? null : (tokens.data ?? null);
  const createToken = useCreateToken();
  const revokeToken = useRevokeToken();
  const [failure, setError] = useState<string | null>(null);
  const error = failure ?? (tokens.status === 'error' ? describeError(t, tokens.error, 'data') : null);
  const [label, setLabel] = useState('');
  const [days, setDays] = useState('');
  const [secret, setSecret] = useState<string | null>(null);

  const fail = useCallback((err: unknown) => setError(describeError(t, toAppError(err), 'data')), [t]);

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const body = { label, ...(days ? { expiresInDays: Number(days) } : {}) };
      setSecret((await createToken.mutateAsync({ body })).token);
      setLabel('');
      setDays('');
    } catch (err) {
      fail(err);
    }
  }

  async function revoke(id: string) {
    setError(null);
    try {
      await revokeToken.mutateAsync({ params: { id } });
    } catch (err) {
      fail(err);
    }
  }

  const when = (iso: string | null) => (iso === null ? t('tokens.never') : f.time(Date.parse(iso)));
  return (
    <div className="page" data-testid="tokens">
      <PageHeading>{t('tokens.title')}</PageHeading>
      <section className="panel">
        <form onSubmit={(e) => void create(e)} className="form-row">
          <label>
            {t('tokens.label')}{' '}
            <input value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} data-testid="token-label" />
          </label>
          <label>
            {t('tokens.days')}{' '}
            <input
              type="number"
              min={1}
              value={days}
              onChange={(e) => setDays(e.target.value)}
              data-testid="token-days"
            />
          </label>
          <button type="submit" className="button">
            {t('tokens.create')}
          </button>
        </form>
        {secret && (
          <p role="status" data-testid="token-secret">
            {t('tokens.shownOnce')} <code dir="ltr">{secret}</code>
          </p>
        )}
        {error && <p role="alert">{error}</p>}
      </section>
      <section className="panel">
        {items === null ? (
          <p role="status">{t('app.restoring')}</p>
        ) : items.length === 0 ? (
          <p className="empty">{t('tokens.empty')}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="tokens-caption" tabIndex={0}>
            <table className="table" data-testid="tokens-table">
              <caption id="tokens-caption">{t('tokens.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('tokens.label')}</th>
                  <th scope="col">{t('tokens.status')}</th>
                  <th scope="col">{t('tokens.expires')}</th>
                  <th scope="col">{t('tokens.lastUsed')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('tokens.revoke')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((tk) => (
                  <tr key={tk.id} data-testid="token-row">
                    <th scope="row">
                      <bdi>{tk.label || '—'}</bdi>
                    </th>
                    <td>{t(`tokens.statuses.${tk.status}`)}</td>
                    <td>{when(tk.expiresAt)}</td>
                    <td>{when(tk.lastUsedAt)}</td>
                    <td>
                      {tk.status === 'active' && (
                        <button type="button" className="button button--secondary" onClick={() => void revoke(tk.id)}>
                          {t('tokens.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
