// Tidying what clerks type in spreadsheets: full-width letters, digits and punctuation made
// half-width where Chinese text does not use them, stray and doubled spaces removed.

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII (Ａ-Ｚ, ０-９, ＠ …) to half-width, and the ideographic space to a plain one. */
export function halfWidth(text: string): string {
  // Most cells have none: one test instead of two replaces (an import tidies every cell).
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const ANY_SPACE = /[\s\u00a0\u3000]/;
const SPACE_RUNS = /[\s\u00a0\u3000]+/g;
const SPACE_BY_CJK = new RegExp(`(?<=[${CJK}]) | (?=[${CJK}])`, 'g');

/** Spaces trimmed and collapsed; none kept next to a Chinese character (长春 市 → 长春市, ABC 汽车 → ABC汽车), only between Latin words. */
export function tidySpaces(text: string): string {
  if (!ANY_SPACE.test(text)) return text;
  return text.replace(SPACE_RUNS, ' ').trim().replace(SPACE_BY_CJK, '');
}

/** A unit's name: Chinese brackets full-width as names use them, Latin letters and digits half-width. */
export function normaliseName(text: string): string {
  const half = tidySpaces(halfWidth(text));
  return half.replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Codes, phones, dates, e-mails: half-width, no spaces inside a code. */
export function normaliseCode(text: string): string {
  return tidySpaces(halfWidth(text));
}

/** A header cell as compared with known column names: no spaces, notes in brackets (（18位）), required marks or case. */
export function headerKey(text: string): string {
  return halfWidth(text)
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[\s:：*＊]/g, '')
    .toLowerCase();
}

/**
 * An apostrophe that only shields a formula-looking value (as our own exports write them) is not
 * part of the value: '=SUM(A1) reads back as =SUM(A1). It is stored as plain text either way.
 */
export function unshield(text: string): string {
  return /^'[=+\-@\t\r\n\0]/.test(text) ? text.slice(1) : text;
}
