/** @module The organisations feature of the web UI: its pages and translations (listed in web/src/app/capabilities.ts). */

import { defineFeature } from '../../app/feature.ts';
import { OrganisationsPage } from '../../pages/OrganisationsPage.tsx';

export const organisationsFeature = defineFeature({
  name: 'organisations',
  pages: [
    {
      id: 'organisations',
      path: '/organisations',
      component: OrganisationsPage,
      label: 'nav.organisations',
    },
  ],
  translations: undefined,
});
