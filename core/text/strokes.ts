// 笔画 order, as official name lists sort (姓氏笔画排序): character by character, fewer strokes first;
// the same count by the order of strokes, each stroke by its class 横 一, 竖 丨, 撇 丿, 点 丶, 折 乛
// (提 counts as 横, 捺 as 点, every folding or hooked stroke as 折). Stroke counts and orders come
// from cnchar's data; a character depends on nothing around it, so each one is worked out once.
import cnchar from 'cnchar';
import order from 'cnchar-order';

interface Strokes {
  use(...plugins: unknown[]): void;
  stroke(text: string, ...args: string[]): unknown;
}
const strokes = cnchar as unknown as Strokes;
strokes.use(order);

// cnchar-order's letters for the unbending strokes; every other letter is a folding stroke (折).
const CLASS_OF_LETTER: Record<string, string> = { j: '1', i: '1', d: '1', f: '2', s: '3', k: '4', l: '4' };
const FOLD = '5';

// After every character the data knows: digits, Latin letters, brackets, and characters too rare for it.
const UNKNOWN = '99';

const segments = new Map<string, string>();

/** One character's part of the key: its stroke count (two digits) and its strokes' classes. */
function segment(char: string): string {
  const known = segments.get(char);
  if (known !== undefined) return known;
  const letters = (strokes.stroke(char, 'order') as (string | undefined)[])[0];
  let part: string;
  if (!letters) {
    part = `${UNKNOWN}${char.codePointAt(0)!.toString(16).padStart(6, '0')}`;
  } else {
    let classes = '';
    for (const letter of letters) classes += CLASS_OF_LETTER[letter] ?? FOLD;
    part = String(letters.length).padStart(2, '0') + classes;
  }
  segments.set(char, part);
  return part;
}

/**
 * A key that sorts names in 笔画 order in plain byte order. Characters with the same count have keys
 * of the same length, so comparing keys compares count, then strokes, then the next character;
 * spaces are ignored; the name itself ends the key, so equal strokes still sort the same way every time.
 */
export function strokeSortKey(name: string): string {
  let key = '';
  for (const char of name) if (char.trim()) key += segment(char);
  return `${key}\u0001${name}`;
}
