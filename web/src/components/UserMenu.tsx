import { useTranslation } from 'react-i18next';
import type { Session } from '../../../src/contract/accounts.ts';
import { useSession } from '../store/hooks.ts';
import { signOut } from '../store/session.ts';
import { describeError } from './describeError.ts';

/** Who is signed in, in which role and for which organisation: it decides what they may do. */
export function UserMenu({ user }: { user: Session['user'] }) {
  const { t } = useTranslation();
  const state = useSession((s) => s.signOut);
  return (
    <section className="user-menu" data-testid="user-menu" aria-label={t('user.label')}>
      <div className="user-menu__who">
        <span className="user-menu__name">{user.name}</span>
        <span className="user-menu__detail">
          <span className="visually-hidden">{t('user.role')}: </span>
          {t(`enum.role.${user.role}`)}
          <span aria-hidden="true"> · </span>
          <span className="visually-hidden">{t('user.organisation')}: </span>
          {user.organisationName}
        </span>
      </div>
      <button type="button" className="button button--header" onClick={() => void signOut()} disabled={state.pending}>
        {state.pending ? t('user.signingOut') : t('user.signOut')}
      </button>
      {state.error && (
        <p className="user-menu__error" role="alert">
          {t('user.signOutFailed')} ({describeError(t, state.error, 'data')})
        </p>
      )}
    </section>
  );
}
