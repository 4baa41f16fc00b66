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
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/** Column widths that fit their longest cell (within limits), for Chinese text in Excel and WPS. */
export function columnWidths(header: string[], rows: (string | number)[][], limits = { min: 6, max: 60 }): number[] {
  return header.map((h, i) => {
    const longest = Math.max(displayWidth(h), ...rows.map((r) => displayWidth(String(r[i] ?? ''))));
    return Math.min(limits.max, Math.max(limits.min, longest + 2));
  });
}
