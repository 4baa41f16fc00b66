// Cell values for csv and xlsx. A value a spreadsheet would read as a formula (=, +, -, @, tab, CR,
// LF, NUL at the start) is prefixed with an apostrophe, never stripped (domain.md).

const FORMULA_START = /^[=+\-@\t\r\n\0]/;

export function neutraliseCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
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
