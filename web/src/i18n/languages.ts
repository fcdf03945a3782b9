/**
 * @module The languages of the UI and how the first one is chosen: the person's saved choice,
 * else the browser's preference, else English.
 */
export const LANGUAGES = [
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'fr', label: 'Français', dir: 'ltr' },
  { code: 'ar', label: 'العربية', dir: 'rtl' },
  { code: 'he', label: 'עברית', dir: 'rtl' },
] as const;

export type Lang = (typeof LANGUAGES)[number]['code'];
export type Dir = 'ltr' | 'rtl';

const CODES: readonly string[] = LANGUAGES.map((l) => l.code);

export function isLang(value: string | null | undefined): value is Lang {
  return value !== null && value !== undefined && CODES.includes(value);
}

export function dirOf(lang: Lang): Dir {
  return LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
}

/** `iw` is the code older browsers still send for Hebrew. */
const ALIASES: Record<string, Lang> = { iw: 'he' };

/** The first supported language among the browser's, matched on the primary subtag (fr-CA -> fr). */
export function pickLanguage(saved: string | null, browser: readonly string[]): Lang {
  if (isLang(saved)) return saved;
  for (const tag of browser) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    const lang = ALIASES[primary] ?? primary;
    if (isLang(lang)) return lang;
  }
  return 'en';
}
