/**
 * @module The pages of the signed-in app, in navigation order: every feature's pages
 * (web/src/app/capabilities.ts).
 */
import { features } from './capabilities.ts';
import type { ParseKeys, TFunction } from 'i18next';
import type { PageDef } from './feature.ts';

export type PageId = (typeof features)[number]['pages'][number]['id'];

export const PAGES: readonly PageDef<PageId>[] = features.flatMap((f): readonly PageDef<PageId>[] => f.pages);

/** The page at a path; a trailing slash is ignored so `/organisations/` still works. */
export function pageAt(path: string): PageDef<PageId> | null {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return PAGES.find((p) => p.path === clean) ?? null;
}

/** A page's name in the chosen language (its label is a key of the messages; see PageDef). */
export function pageLabel(t: TFunction, page: PageDef): string {
  return t(page.label as ParseKeys);
}
