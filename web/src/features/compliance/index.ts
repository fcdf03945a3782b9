/** @module The compliance feature of the web UI: its pages and translations (listed in web/src/app/capabilities.ts). */
import { lazy } from 'react';
import { defineFeature, translations } from '../../app/feature.ts';

import en from './i18n/en.json' with { type: 'json' };
import fr from './i18n/fr.json' with { type: 'json' };
import ar from './i18n/ar.json' with { type: 'json' };
import he from './i18n/he.json' with { type: 'json' };

export const complianceFeature = defineFeature({
  name: 'compliance',
  pages: [
    {
      id: 'compliance',
      path: '/compliance',
      component: lazy(() => import('../../pages/CompliancePage.tsx')),
      label: 'nav.compliance',
    },
  ],
  translations: translations({ key: 'complianceUi', en, fr, ar, he }),
});
