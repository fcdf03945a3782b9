/** @module A gazetteer place's name in the reader's language, else English (the gazetteer always has it). */
export function placeName(names: Record<string, string>, language: string): string {
  return names[language.slice(0, 2)] ?? names.en ?? Object.values(names)[0] ?? '';
}
