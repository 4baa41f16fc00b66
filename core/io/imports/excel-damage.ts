// Values Excel has changed on the way: a code typed into a number cell keeps 15 significant digits
// and may show as 9.12201E+17; a phone typed as a number loses its leading 0. Such values are never
// imported as right: a cut code is a row error saying how to fix the column, a phone that lost its
// 0 is flagged. Placeholders clerks type for "nothing" (暂无, 无, —, ／) are empty.

/** Cell text that means "no value". */
const EMPTY_MARKS = /^(暂无|无|没有|空|不详|未知|n\/?a|null|none|[-－—–─_＿/／\\、.。·…]+)$/i;

export function isEmptyMark(text: string): boolean {
  // Every mark is short: most cells are names and numbers, decided by their length alone.
  return text.length <= 12 && EMPTY_MARKS.test(text.replace(/\s/g, ''));
}

/** 9.12201E+17, 9.12201001234567E17, 1.38E+10: a number Excel showed in scientific notation. */
export const SCIENTIFIC = /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/;

export type NumberDamage = 'codeCut' | 'codeScientific' | 'leadingZero' | 'phoneScientific';

/** What Excel may have done to a code cell: stored as a number (15 digits kept), or shown in scientific notation. */
export function codeDamage(text: string, wasNumber: boolean): NumberDamage | null {
  if (!wasNumber && !text.includes('E') && !text.includes('e')) return null;
  const compact = text.replace(/\s/g, '');
  if (SCIENTIFIC.test(compact)) return 'codeScientific';
  if (wasNumber && /^\d+$/.test(compact)) return 'codeCut';
  return null;
}

/** A phone cell: scientific notation is an error; a number that is not a mobile and does not start with 0 probably lost it. */
export function phoneDamage(text: string, wasNumber: boolean): NumberDamage | null {
  if (!wasNumber && !text.includes('E') && !text.includes('e')) return null;
  const compact = text.replace(/[\s-]/g, '');
  if (SCIENTIFIC.test(compact)) return 'phoneScientific';
  if (!wasNumber || !/^\d+$/.test(compact)) return null;
  // Mobiles (1xx xxxx xxxx) and short local numbers (7–8 digits) have no leading 0 to lose.
  if (/^1[3-9]\d{9}$/.test(compact) || compact.length <= 8) return null;
  return 'leadingZero';
}
