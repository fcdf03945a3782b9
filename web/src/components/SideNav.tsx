import { useTranslation } from 'react-i18next';
import { PAGES, pageLabel } from '../app/pages.ts';
import { Link } from '../router/Link.tsx';
import { useAbilities } from '../store/hooks.ts';

export function SideNav() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <ul>
        {PAGES.filter((p) => p.ability === undefined || abilities[p.ability]).map((p) => (
          <li key={p.id}>
            <Link to={p.path} className="side-nav__link" data-testid={`nav-${p.id}`}>
              <span>{pageLabel(t, p)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
