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

/** Toneless syllables separated by spaces, e.g. 长春市教育局 → "chang chun shi jiao yu ju". */
export function readingOf(name: string): string {
  ensureDictionary();
  const syllables = pinyin(name, { toneType: 'num', type: 'array', nonZh: 'consecutive', v: true }) as string[];
  return syllables
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .join(' ');
}

function splitTones(reading: string): { letters: string; tones: string } {
  const parts = reading.split(' ');
  return {
    letters: parts.map((p) => p.replace(/[0-5]$/, '')).join(' '),
    tones: parts.map((p) => (/[0-5]$/.test(p) ? p.slice(-1) : '0')).join(''),
  };
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
