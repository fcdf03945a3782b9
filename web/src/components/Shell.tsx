/**
 * @module The signed-in layout: skip link, header, navigation, main content, footer.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../src/contract/accounts.ts';
import { usePath } from '../router/router.ts';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import { PAGE_HEADING_ID } from './PageHeading.tsx';
import { SideNav } from './SideNav.tsx';

export const MAIN_ID = 'main';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href={`#${MAIN_ID}`}>
      {t('app.skipToContent')}
    </a>
  );
}

export function Shell({ user, title, children }: { user: Session['user']; title: string; children: ReactNode }) {
  const path = usePath();
  const firstRender = useRef(true);

  useEffect(() => {
    document.title = `${title} · Truce`;
  }, [title]);

  // After client-side navigation, move focus to the new page's heading, as a page load would;
  // not on first load, where focus belongs at the top of the document.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById(PAGE_HEADING_ID)?.focus();
  }, [path]);

  return (
    <div className="app">
      <SkipLink />
      <Header user={user} />
      <div className="app-body">
        <SideNav />
        <main id={MAIN_ID} tabIndex={-1} className="app-main">
          {children}
        </main>
      </div>
      <Footer />
    </div>
  );
}
