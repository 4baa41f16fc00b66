// Pinyin sort keys. ICU and word-aware libraries both misread 长 in place names (长春 as zhǎng chūn),
// so pinyin-pro is given a dictionary of place names first; a clerk can still override one name.
import { customPinyin, pinyin } from 'pinyin-pro';

/** Readings that libraries get wrong in organisation names. */
export const PLACE_NAME_READINGS: Record<string, string> = {
  长春: 'cháng chūn',
  长沙: 'cháng shā',
  长白山: 'cháng bái shān',
  长治: 'cháng zhì',
  长安: 'cháng ān',
  长兴: 'cháng xīng',
  长葛: 'cháng gě',
  长汀: 'cháng tīng',
  长岭: 'cháng lǐng',
  长江: 'cháng jiāng',
  长城: 'cháng chéng',
  重庆: 'chóng qìng',
  厦门: 'xià mén',
  蚌埠: 'bèng bù',
  六安: 'lù ān',
  丽水: 'lí shuǐ',
  东莞: 'dōng guǎn',
  番禺: 'pān yú',
  铅山: 'yán shān',
  乐清: 'yuè qīng',
  吉林: 'jí lín',
  朝阳: 'cháo yáng',
  汽开区: 'qì kāi qū',
};

let dictionaryLoaded = false;
function ensureDictionary(): void {
  if (dictionaryLoaded) return;
  customPinyin(PLACE_NAME_READINGS);
  dictionaryLoaded = true;
}

// Tone-marked letters as pinyin-pro writes them, with their plain letter (ü as v) and tone.
const MARKED: Record<string, [letter: string, tone: number]> = {
  ā: ['a', 1], á: ['a', 2], ǎ: ['a', 3], à: ['a', 4],
  ē: ['e', 1], é: ['e', 2], ě: ['e', 3], è: ['e', 4],
  ī: ['i', 1], í: ['i', 2], ǐ: ['i', 3], ì: ['i', 4],
  ō: ['o', 1], ó: ['o', 2], ǒ: ['o', 3], ò: ['o', 4],
  ū: ['u', 1], ú: ['u', 2], ǔ: ['u', 3], ù: ['u', 4],
  ǖ: ['v', 1], ǘ: ['v', 2], ǚ: ['v', 3], ǜ: ['v', 4], ü: ['v', 0],
  ń: ['n', 2], ň: ['n', 3], ǹ: ['n', 4], ḿ: ['m', 2],
};

/** cháng → chang2, de → de0; null for anything the table does not know. */
function numbered(syllable: string): string | null {
  let letters = '';
  let tone = 0;
  for (let i = 0; i < syllable.length; i++) {
    const code = syllable.charCodeAt(i);
    if (code >= 97 && code <= 122) {
      letters += syllable[i];
      continue;
    }
    const marked = MARKED[syllable[i]!];
    if (!marked) return null;
    letters += marked[0];
    if (marked[1]) tone = marked[1];
  }
  return letters + tone;
}

/** pinyin-pro's own numbered readings: the reference, used when the fast path meets something odd. */
function numberedReadings(name: string): string[] {
  return pinyin(name, { toneType: 'num', type: 'array', nonZh: 'consecutive', v: true }) as string[];
}

/**
 * The same syllables as pinyin-pro's numbered tones (chang2), from its tone-marked output, which it
 * produces five times faster: an import of 10,000 members spent 0.15 s here. Non-Chinese runs come back
 * as they are in the name, which is how they are told apart from syllables.
 */
export function fastNumberedReadings(name: string): string[] | null {
  const items = pinyin(name, { toneType: 'symbol', type: 'array', nonZh: 'consecutive' }) as string[];
  const out: string[] = [];
  let at = 0;
  for (const item of items) {
    if (item.length > 0 && name.startsWith(item, at)) {
      out.push(item);
      at += item.length;
      continue;
    }
    const syllable = numbered(item);
    if (syllable === null) return null;
    out.push(syllable);
    at += name.codePointAt(at)! > 0xffff ? 2 : 1;
  }
  return at === name.length ? out : null;
}

/** Syllables with their tone numbers, separated by spaces: 长春市教育局 → "chang2 chun1 shi4 jiao4 yu4 ju2". */
export function readingOf(name: string): string {
  ensureDictionary();
  return joinReading(fastNumberedReadings(name) ?? numberedReadings(name));
}

/** The reading through pinyin-pro's numbered output only: what readingOf must always equal (tests). */
export function referenceReadingOf(name: string): string {
  ensureDictionary();
  return joinReading(numberedReadings(name));
}

function joinReading(syllables: string[]): string {
  return syllables
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .join(' ');
}

/** "chang2 chun1" → letters "chang chun", tones "21"; a part without a tone digit gets 0. One pass,
 * no regular expressions: every member's save and every imported row comes through here. */
function splitTones(reading: string): { letters: string; tones: string } {
  let letters = '';
  let tones = '';
  let start = 0;
  for (let i = 0; i <= reading.length; i++) {
    if (i < reading.length && reading.charCodeAt(i) !== 32) continue;
    const last = i > start ? reading.charCodeAt(i - 1) : -1;
    const toned = last >= 48 && last <= 53; // 0-5
    if (start > 0) letters += ' ';
    letters += reading.slice(start, toned ? i - 1 : i);
    tones += toned ? reading[i - 1] : '0';
    start = i + 1;
  }
  return { letters, tones };
}

/**
 * Key that sorts names by pinyin in plain byte order: letters first, then tones, then the name
 * itself so that equal readings still sort the same way every time.
 * An override is a reading typed by the clerk ("chang chun …"), tones optional.
 */
export function pinyinSortKey(name: string, override?: string | null): string {
  const reading = override && override.trim() ? override.trim().toLowerCase().replace(/\s+/g, ' ') : readingOf(name);
  const { letters, tones } = splitTones(reading);
  return `${letters}\u0001${tones}\u0001${name}`;
}
