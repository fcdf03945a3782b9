/** @module Short month labels for time axes, in the reader's language (cached per language). */
const cache = new Map<string, Intl.DateTimeFormat>();

export function monthLabel(lang: string, isoDate: string): string {
  let fmt = cache.get(lang);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(lang, { month: 'short', year: '2-digit', timeZone: 'UTC' });
    cache.set(lang, fmt);
  }
  return fmt.format(new Date(`${isoDate}T00:00:00Z`));
}
