/** @module The tokens feature of the web UI: its pages and translations (listed in web/src/app/capabilities.ts). */
import { lazy } from 'react';
import { defineFeature } from '../../app/feature.ts';

export const tokensFeature = defineFeature({
  name: 'tokens',
  pages: [
    {
      id: 'tokens',
      path: '/tokens',
      component: lazy(() => import('../../pages/TokensPage.tsx')),
      label: 'nav.tokens',
    },
  ],
  translations: undefined,
});
