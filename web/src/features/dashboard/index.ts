/** @module The dashboard feature of the web UI: its pages and translations (listed in web/src/app/capabilities.ts). */

import { defineFeature } from '../../app/feature.ts';
import { DashboardPage } from '../../pages/DashboardPage.tsx';

export const dashboardFeature = defineFeature({
  name: 'dashboard',
  pages: [
    {
      id: 'dashboard',
      path: '/',
      component: DashboardPage,
      label: 'nav.dashboard',
    },
  ],
  translations: undefined,
});
