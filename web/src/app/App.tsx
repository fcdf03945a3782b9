/**
 * @module Which screen to show: the session decides between sign-in and the app, the path
 * decides the page. The path is kept through sign-in, so a shared link still lands where it points.
 */
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../src/contract/accounts.ts';
import { Shell } from '../components/Shell.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { usePath } from '../router/router.ts';
import { useSession } from '../store/hooks.ts';
import { pageAt, pageLabel } from './pages.ts';

export function App() {
  const { t } = useTranslation();
  const auth = useSession((s) => s.auth);
  switch (auth.status) {
    case 'restoring':
      return (
        <p className="restoring" role="status">
          {t('app.restoring')}
        </p>
      );
    case 'signedOut':
      return <SignInPage reason={auth.reason} />;
    case 'signedIn':
      return <SignedIn user={auth.session.user} />;
  }
}

function SignedIn({ user }: { user: Session['user'] }) {
  const { t } = useTranslation();
  const page = pageAt(usePath());
  return (
    <Shell user={user} title={page ? pageLabel(t, page) : t('notFound.title')}>
      <Suspense fallback={<p role="status">{t('app.restoring')}</p>}>
        {page ? <page.component /> : <NotFoundPage />}
      </Suspense>
    </Shell>
  );
}
