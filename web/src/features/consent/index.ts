/** @module The consent feature of the web UI: the decisions page and its translations (listed in web/src/app/capabilities.ts). */
import { lazy } from 'react';
import { defineFeature, translations } from '../../app/feature.ts';

import en from './i18n/en.json' with { type: 'json' };
import fr from './i18n/fr.json' with { type: 'json' };
import ar from './i18n/ar.json' with { type: 'json' };
import he from './i18n/he.json' with { type: 'json' };

export const consentFeature = defineFeature({
  name: 'consent',
  pages: [
    {
      id: 'decisions',
      path: '/decisions',
      component: lazy(() => import('./DecisionsPage.tsx')),
      label: 'nav.decisions',
    },
  ],
  translations: translations({ key: 'consentUi', en, fr, ar, he }),
});
