/**
 * @module Which screen to show: the session decides between sign-in and the app, the path
 * decides the page. The path is kept through sign-in, so a shared link still lands where it points.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../src/contract/accounts.ts';
import { Shell } from '../components/Shell.tsx';
import { DashboardPage } from '../pages/DashboardPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { OrganisationsPage } from '../pages/OrganisationsPage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { usePath } from '../router/router.ts';
import { useSession } from '../store/hooks.ts';
import { pageAt, type PageId } from './pages.ts';

// Each capability's page is its own chunk, so maplibre-gl and charts load only where used.
const ForcePage = lazy(() => import('../pages/ForcePage.tsx'));
const HandoverPage = lazy(() => import('../pages/HandoverPage.tsx'));
const MonitoringPage = lazy(() => import('../pages/MonitoringPage.tsx'));
const CompliancePage = lazy(() => import('../pages/CompliancePage.tsx'));
const DecisionsPage = lazy(() => import('../features/consent/DecisionsPage.tsx'));
const RecordPage = lazy(() => import('../pages/RecordPage.tsx'));
const TokensPage = lazy(() => import('../pages/TokensPage.tsx'));

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
    <Shell user={user} title={page ? t(`nav.${page}`) : t('notFound.title')}>
      <Suspense fallback={<p role="status">{t('app.restoring')}</p>}>
        {page ? <Page id={page} /> : <NotFoundPage />}
      </Suspense>
    </Shell>
  );
}

function Page({ id }: { id: PageId }) {
  switch (id) {
    case 'dashboard':
      return <DashboardPage />;
    case 'organisations':
      return <OrganisationsPage />;
    case 'force':
      return <ForcePage />;
    case 'handover':
      return <HandoverPage />;
    case 'monitoring':
      return <MonitoringPage />;
    case 'compliance':
      return <CompliancePage />;
    case 'decisions':
      return <DecisionsPage />;
    case 'record':
      return <RecordPage />;
    case 'tokens':
      return <TokensPage />;
  }
}
