/**
 * @module The translation resources: the shared messages (./<lang>.json) plus each feature's own
 * (features/<feature>/i18n/<lang>.json) under its key, taken from the feature list
 * (web/src/app/capabilities.ts), so features never edit the same file. English is the reference
 * type; a feature's key missing in another language fails type-checking in its index.ts.
 */
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import ar from './ar.json' with { type: 'json' };
import he from './he.json' with { type: 'json' };
import { features } from '../app/capabilities.ts';
import type { FeatureMessages } from '../app/feature.ts';
import type { Lang } from './languages.ts';

/** Every feature's messages in one language, each under its key. */
function featureMessages(lang: Lang): FeatureMessages<(typeof features)[number]> {
  const out: Record<string, unknown> = {};
  for (const f of features) if (f.translations) out[f.translations.key] = f.translations[lang];
  return out as FeatureMessages<(typeof features)[number]>;
}

const english = { ...en, ...featureMessages('en') };

/** A key missing from another language fails type-checking below. */
export type Messages = typeof english;

export const resources: Record<Lang, { translation: Messages }> = {
  en: { translation: english },
  fr: { translation: { ...fr, ...featureMessages('fr') } },
  ar: { translation: { ...ar, ...featureMessages('ar') } },
  he: { translation: { ...he, ...featureMessages('he') } },
};
