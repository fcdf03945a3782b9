/**
 * @module The pages of the signed-in app, in navigation order. A page marked `comingSoon` shows
 * a placeholder until its API exists. Pages that will need a map (handover) are to be loaded
 * with React.lazy so maplibre-gl stays out of the sign-in and dashboard bundle.
 */
export const PAGES = [
  { id: 'dashboard', path: '/', comingSoon: false },
  { id: 'force', path: '/force', comingSoon: false },
  { id: 'handover', path: '/handover', comingSoon: false },
  { id: 'monitoring', path: '/monitoring', comingSoon: false },
  { id: 'compliance', path: '/compliance', comingSoon: false },
  { id: 'decisions', path: '/decisions', comingSoon: false },
  { id: 'record', path: '/record', comingSoon: false },
  { id: 'organisations', path: '/organisations', comingSoon: false },
  { id: 'tokens', path: '/tokens', comingSoon: false },
] as const;

export type PageId = (typeof PAGES)[number]['id'];

/** The page at a path; a trailing slash is ignored so `/organisations/` still works. */
export function pageAt(path: string): PageId | null {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return PAGES.find((p) => p.path === clean)?.id ?? null;
}
