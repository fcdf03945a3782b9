/**
 * @module i18next set-up. All four languages are bundled (a few kilobytes each) so switching is
 * instant and works offline. The choice is saved in localStorage and mirrored on <html lang dir>,
 * which is what flips the layout: the CSS uses logical properties only.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources.ts';
import { dirOf, isLang, pickLanguage, type Lang } from './languages.ts';

export type { Messages } from './resources.ts';

const STORAGE_KEY = 'truce.language';

function readSaved(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch (err) {
    // Storage can be disabled by policy or private browsing; fall back to the browser language.
    console.warn('language preference unavailable', err);
    return null;
  }
}

function save(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch (err) {
    // The choice still applies to this visit; it just will not be remembered.
    console.warn('language preference not saved', err);
  }
}

function applyToDocument(lang: Lang): void {
  const root = document.documentElement;
  root.lang = lang;
  root.dir = dirOf(lang);
}

/** Synchronous, so the first render is already in the right language and direction. */
export function initI18n(): void {
  const lang = pickLanguage(readSaved(), navigator.languages);
  applyToDocument(lang);
  void i18next.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: Object.keys(resources),
    initAsync: false,
    // React escapes output already.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18next.on('languageChanged', (next) => {
    if (isLang(next)) applyToDocument(next);
  });
}

export function currentLang(): Lang {
  const lang = i18next.resolvedLanguage ?? i18next.language;
  return isLang(lang) ? lang : 'en';
}

export async function changeLanguage(lang: Lang): Promise<void> {
  save(lang);
  await i18next.changeLanguage(lang);
}
