/**
 * @module Numbers, money, dates and country names in the chosen language, through Intl. The
 * formatters are cached per language because tables call them for every cell.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_TIME_ZONE } from '../../../src/contract/compliance/enums.ts';
import { isLang, type Lang } from './languages.ts';

export interface Formatters {
  lang: Lang;
  number(n: number): string;
  percent(ratio: number): string;
  money(amount: number, currency: string): string;
  /** A calendar date (`2025-11-17`), shown as that same day wherever the reader is. */
  date(isoDate: string): string;
  /** A calendar date's month, short (`Nov 25`), for time axes. */
  month(isoDate: string): string;
  time(epochMs: number): string;
  /** An instant (ISO 8601) as a date and time in the reader's time zone. */
  dateTime(iso: string): string;
  /** An instant as a date and time in Asia/Gaza, the agreement's zone, with the zone named. */
  agreementTime(iso: string): string;
  /** An instant as a date and time in Asia/Gaza, without the zone's name (tables that say it once). */
  agreementDateTime(iso: string): string;
  region(code: string): string;
  collator: Intl.Collator;
}

const cache = new Map<Lang, Formatters>();

function build(lang: Lang): Formatters {
  const num = new Intl.NumberFormat(lang);
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const monthOfYear = new Intl.DateTimeFormat(lang, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const clock = new Intl.DateTimeFormat(lang, { timeStyle: 'short' });
  const stamp = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const gaza = new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: AGREEMENT_TIME_ZONE,
    timeZoneName: 'short',
  });
  const gazaStamp = new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: AGREEMENT_TIME_ZONE,
  });
  const regions = new Intl.DisplayNames(lang, { type: 'region', fallback: 'code' });
  const money = new Map<string, Intl.NumberFormat>();
  return {
    lang,
    number: (n) => num.format(n),
    percent: (r) => pct.format(r),
    money(amount, currency) {
      let f = money.get(currency);
      if (!f) {
        f = new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 });
        money.set(currency, f);
      }
      return f.format(amount);
    },
    date: (iso) => day.format(new Date(`${iso}T00:00:00Z`)),
    month: (iso) => monthOfYear.format(new Date(`${iso}T00:00:00Z`)),
    time: (ms) => clock.format(ms),
    dateTime: (iso) => stamp.format(new Date(iso)),
    agreementTime: (iso) => gaza.format(new Date(iso)),
    agreementDateTime: (iso) => gazaStamp.format(new Date(iso)),
    region: (code) => regions.of(code) ?? code,
    collator: new Intl.Collator(lang, { sensitivity: 'base', numeric: true }),
  };
}

export function formattersFor(lang: Lang): Formatters {
  let f = cache.get(lang);
  if (!f) {
    f = build(lang);
    cache.set(lang, f);
  }
  return f;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => formattersFor(isLang(lang) ? lang : 'en'), [lang]);
}
