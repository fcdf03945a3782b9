/**
 * @module Searching the gazetteer by name (issue 13): a monitor types part of a name in the
 * spelling they know ("Khan Younis", "khan yunis", "خان يونس" with or without diacritics), never an
 * id. Matching folds case, Latin accents and the Arabic marks and letter variants that spellings
 * of one name differ by.
 */

/** A name folded for comparison. */
export function foldName(s: string): string {
  return (
    s
      .normalize('NFKD')
      // Latin accents and other combining marks; Arabic harakat, superscript alef, tatweel.
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
      .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // alef forms -> alef
      .replace(/\u0629/g, '\u0647') // ta marbuta -> ha
      .replace(/\u0649/g, '\u064a') // alef maqsura -> ya
      .toLowerCase()
      .replace(/[\s\-'’‘`.,]+/g, ' ')
      .trim()
  );
}

export interface NamedPlace {
  names: Record<string, string>;
  alternates: readonly string[];
}

/**
 * How well a place matches a query: 0 no match, 3 a name starts with it, 2 a word of a name
 * does, 1 it occurs anywhere. The best names rank first in a search.
 */
export function placeMatch(place: NamedPlace, query: string): number {
  const q = foldName(query);
  if (q === '') return 1;
  let best = 0;
  for (const name of [...Object.values(place.names), ...place.alternates]) {
    const n = foldName(name);
    if (n.startsWith(q)) return 3;
    if (n.split(' ').some((w) => w.startsWith(q))) best = Math.max(best, 2);
    else if (n.includes(q)) best = Math.max(best, 1);
  }
  return best;
}
