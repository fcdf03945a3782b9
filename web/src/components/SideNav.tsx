import { useTranslation } from 'react-i18next';
import { PAGES } from '../app/pages.ts';
import { Link } from '../router/Link.tsx';

export function SideNav() {
  const { t } = useTranslation();
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <ul>
        {PAGES.map((p) => (
          <li key={p.id}>
            <Link to={p.path} className="side-nav__link" data-testid={`nav-${p.id}`}>
              <span>{t(`nav.${p.id}`)}</span>
              {p.comingSoon && (
                <span className="side-nav__soon" title={t('comingSoon.badge')}>
                  <span aria-hidden="true">{t('comingSoon.short')}</span>
                  <span className="visually-hidden">({t('comingSoon.badge')})</span>
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
