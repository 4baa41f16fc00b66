// One normalised text per member so that a single LIKE finds it by name, alias, USCC or contact.

/** Folds full-width ASCII, collapses whitespace and lower-cases: the same for stored text and queries. */
export function normaliseForSearch(value: string): string {
  // Tested before replacing: most names and phones have no full-width letters (every member is
  // normalised on every save and import).
  const half = /[\uFF01-\uFF5E]/.test(value) ? value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : value;
  return half.replace(/[\s\u3000]+/g, ' ').trim().toLowerCase();
}

export function buildSearchText(parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .map(normaliseForSearch)
    .join('\n');
}

/** A LIKE pattern matching the text anywhere, with %, _ and the escape character escaped. */
export function containsPattern(text: string): string {
  return `%${normaliseForSearch(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
