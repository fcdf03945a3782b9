/** @module The force feature of the web UI: its pages and translations (listed in web/src/app/capabilities.ts). */
import { lazy } from 'react';
import { defineFeature, translations } from '../../app/feature.ts';

import en from './i18n/en.json' with { type: 'json' };
import fr from './i18n/fr.json' with { type: 'json' };
import ar from './i18n/ar.json' with { type: 'json' };
import he from './i18n/he.json' with { type: 'json' };

export const forceFeature = defineFeature({
  name: 'force',
  pages: [
    {
      id: 'force',
      path: '/force',
      component: lazy(() => import('../../pages/ForcePage.tsx')),
      label: 'nav.force',
    },
  ],
  translations: translations({ key: 'forceUi', en, fr, ar, he }),
});
