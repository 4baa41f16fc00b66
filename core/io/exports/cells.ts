// Cell values for csv and xlsx. First cleaned of what no cell should hold (control characters, which
// XML cannot carry and a file would drop anyway, and bidirectional overrides, which make text read
// backwards); then a value a spreadsheet would read as a formula (=, +, -, @, tab, CR, LF at the
// start) is neutralised — after the cleaning, so "\u0001=…" cannot turn into a formula once its
// control character is dropped. csv prefixes an apostrophe (domain.md); xlsx keeps the text as it
// is, in a text cell with Excel's quote-prefix style.

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNWANTED = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;
const FORMULA_START = /^[=+\-@\t\r\n]/;

export function cleanCellText(value: string): string {
  return value.replace(UNWANTED, '');
}

/** Whether a (cleaned) text would be read as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** For csv: cleaned, and an apostrophe before formula-looking text. */
export function neutraliseCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  const text = cleanCellText(value);
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** Display width in Latin characters: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  // Code-unit ranges instead of a regular expression per character: exports call this for every cell.
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    // A surrogate pair (rare CJK extension characters) counts once, as wide.
    if (c >= 0xd800 && c <= 0xdbff) {
      width += 2;
      i++;
    } else width += wide ? 2 : 1;
  }
  return width;
}

/** Column widths that fit their longest cell (within limits), for Chinese text in Excel and WPS. */
export function columnWidths(header: string[], rows: Iterable<(string | number)[]>, limits = { min: 6, max: 60 }): number[] {
  // One pass, no copies: a 100k-row roster must not hold its cells twice.
  const longest = header.map((h) => displayWidth(h));
  for (const row of rows) {
    for (let i = 0; i < header.length; i++) {
      const text = String(row[i] ?? '');
      // A cell cannot be wider than two per character plus the apostrophe neutralising may add: most
      // cells are skipped without measuring once a long one has been seen.
      if (text.length * 2 + 1 <= longest[i]!) continue;
      const width = displayWidth(String(neutraliseCell(row[i] ?? '')));
      if (width > longest[i]!) longest[i] = width;
    }
  }
  return longest.map((w) => Math.min(limits.max, Math.max(limits.min, w + 2)));
}
