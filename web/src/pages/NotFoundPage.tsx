import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';
import { Link } from '../router/Link.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="not-found">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <section className="panel">
        <p>{t('notFound.body')}</p>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </section>
    </div>
  );
}
