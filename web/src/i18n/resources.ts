/**
 * @module The translation resources: the shared messages (./<lang>.json) plus each capability's
 * own file (features/<capability>/i18n/<lang>.json) under its namespace key, so capabilities
 * never edit the same file. English is the reference type.
 */
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import ar from './ar.json' with { type: 'json' };
import he from './he.json' with { type: 'json' };
import monitoringEn from '../features/monitoring/i18n/en.json' with { type: 'json' };
import monitoringFr from '../features/monitoring/i18n/fr.json' with { type: 'json' };
import monitoringAr from '../features/monitoring/i18n/ar.json' with { type: 'json' };
import monitoringHe from '../features/monitoring/i18n/he.json' with { type: 'json' };
import handoverEn from '../features/handover/i18n/en.json' with { type: 'json' };
import handoverFr from '../features/handover/i18n/fr.json' with { type: 'json' };
import handoverAr from '../features/handover/i18n/ar.json' with { type: 'json' };
import handoverHe from '../features/handover/i18n/he.json' with { type: 'json' };
import forceEn from '../features/force/i18n/en.json' with { type: 'json' };
import forceFr from '../features/force/i18n/fr.json' with { type: 'json' };
import forceAr from '../features/force/i18n/ar.json' with { type: 'json' };
import forceHe from '../features/force/i18n/he.json' with { type: 'json' };
import complianceEn from '../features/compliance/i18n/en.json' with { type: 'json' };
import complianceFr from '../features/compliance/i18n/fr.json' with { type: 'json' };
import complianceAr from '../features/compliance/i18n/ar.json' with { type: 'json' };
import complianceHe from '../features/compliance/i18n/he.json' with { type: 'json' };
import recordEn from '../features/record/i18n/en.json' with { type: 'json' };
import recordFr from '../features/record/i18n/fr.json' with { type: 'json' };
import recordAr from '../features/record/i18n/ar.json' with { type: 'json' };
import recordHe from '../features/record/i18n/he.json' with { type: 'json' };
import consentEn from '../features/consent/i18n/en.json' with { type: 'json' };
import consentFr from '../features/consent/i18n/fr.json' with { type: 'json' };
import consentAr from '../features/consent/i18n/ar.json' with { type: 'json' };
import consentHe from '../features/consent/i18n/he.json' with { type: 'json' };
import type { Lang } from './languages.ts';

const english = {
  ...en,
  monitoringUi: monitoringEn,
  handoverUi: handoverEn,
  forceUi: forceEn,
  complianceUi: complianceEn,
  recordUi: recordEn,
  consentUi: consentEn,
};

/** A key missing from another language fails type-checking below. */
export type Messages = typeof english;

export const resources: Record<Lang, { translation: Messages }> = {
  en: { translation: english },
  fr: {
    translation: {
      ...fr,
      monitoringUi: monitoringFr,
      handoverUi: handoverFr,
      forceUi: forceFr,
      complianceUi: complianceFr,
      recordUi: recordFr,
      consentUi: consentFr,
    },
  },
  ar: {
    translation: {
      ...ar,
      monitoringUi: monitoringAr,
      handoverUi: handoverAr,
      forceUi: forceAr,
      complianceUi: complianceAr,
      recordUi: recordAr,
      consentUi: consentAr,
    },
  },
  he: {
    translation: {
      ...he,
      monitoringUi: monitoringHe,
      handoverUi: handoverHe,
      forceUi: forceHe,
      complianceUi: complianceHe,
      recordUi: recordHe,
      consentUi: consentHe,
    },
  },
};
