import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';
import { Link } from '../router/Link.tsx';

type Planned = 'force' | 'handover' | 'monitoring' | 'compliance' | 'record';

/** Says plainly that the feature is not there yet, and what it will be, instead of a dead link. */
export function ComingSoonPage({ id }: { id: Planned }) {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid={`coming-soon-${id}`}>
      <PageHeading>{t(`nav.${id}`)}</PageHeading>
      <section className="panel coming-soon" aria-labelledby="coming-soon-badge">
        <p id="coming-soon-badge" className="badge">
          {t('comingSoon.badge')}
        </p>
        <p>{t('comingSoon.body')}</p>
        <h2>{t('comingSoon.planned')}</h2>
        <p>{t(`comingSoon.${id}`)}</p>
        {id === 'force' && (
          <p>
            <Link to="/">{t('comingSoon.forceNow')}</Link>
          </p>
        )}
      </section>
    </div>
  );
}
