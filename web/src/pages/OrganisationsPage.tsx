import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';
import { RemoteView } from '../components/RemoteView.tsx';
import { OrganisationsTable } from '../features/organisations/OrganisationsTable.tsx';
import { useOrganisations } from '../features/organisations/queries.ts';
import { refetchRoutes } from '../data/queryClient.ts';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  return (
    <div className="page" data-testid="organisations">
      <PageHeading>{t('organisations.title')}</PageHeading>
      <section className="panel">
        <RemoteView
          remote={organisations}
          what={t('organisations.what')}
          onRetry={() => void refetchRoutes(['listOrganisations'])}
        >
          {(items) => <OrganisationsTable items={items} />}
        </RemoteView>
      </section>
    </div>
  );
}
