import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';
import { RemoteView } from '../components/RemoteView.tsx';
import { OrganisationsTable } from '../features/organisations/OrganisationsTable.tsx';
import { load } from '../store/data.ts';
import { useRemote } from '../store/hooks.ts';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const organisations = useRemote('organisations');
  return (
    <div className="page" data-testid="organisations">
      <PageHeading>{t('organisations.title')}</PageHeading>
      <section className="panel">
        <RemoteView remote={organisations} what={t('organisations.what')} onRetry={() => void load('organisations')}>
          {(items) => <OrganisationsTable items={items} />}
        </RemoteView>
      </section>
    </div>
  );
}
