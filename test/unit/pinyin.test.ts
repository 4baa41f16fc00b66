import { describe, expect, it } from 'vitest';
import { fastNumberedReadings, pinyinSortKey, readingOf, referenceReadingOf } from '../../core/text/pinyin.js';

const byKey = (names: string[]) => [...names].sort((a, b) => (pinyinSortKey(a) < pinyinSortKey(b) ? -1 : 1));

describe('pinyin sort keys', () => {
  it('reads 长春 as cháng chūn, also inside a longer name', () => {
    expect(readingOf('长春市教育局')).toMatch(/^chang2 chun1 /);
    expect(readingOf('中国科学院长春分院')).toContain('chang2 chun1');
  });

  it('sorts 长春 before 重庆 (ICU reads 长 as zhǎng and gets this wrong)', () => {
    expect(byKey(['重庆汽车学院', '长春汽车学院'])).toEqual(['长春汽车学院', '重庆汽车学院']);
    // 长春 (chang) sorts before 中国 (zhong), which it would not as "zhang".
    expect(byKey(['中国科学院长春分院', '长春工业大学', '吉林大学'])).toEqual(['长春工业大学', '吉林大学', '中国科学院长春分院']);
  });

  it('uses a clerk’s override of the reading', () => {
    expect(pinyinSortKey('乐清职业学校', 'yue qing zhi ye xue xiao').startsWith('yue qing')).toBe(true);
    expect(byKey(['安徽学校', '乐清学校']).at(0)).toBe('安徽学校');
  });

  it('keeps the order of names with the same reading stable', () => {
    expect(pinyinSortKey('长春一中')).not.toBe(pinyinSortKey('长春一钟'));
  });
});

describe('the fast reading', () => {
  it('equals pinyin-pro’s numbered reading for every common character and for mixed names', () => {
    // Every character of the CJK block in runs of 24, mixed with the things names hold: digits,
    // Latin and full-width letters, brackets, spaces, rare characters outside the block.
    const extras = ['000123', ' ABC-1 ', '（', '）', 'ａｂ１２', '𠀀', '·', '—', ''];
    const names: string[] = [];
    for (let start = 0x4e00, i = 0; start <= 0x9fff; start += 24, i++) {
      const run = Array.from({ length: Math.min(24, 0x9fff - start + 1) }, (_, k) => String.fromCharCode(start + k)).join('');
      names.push(`${extras[i % extras.length]}${run.slice(0, 12)}${extras[(i + 3) % extras.length]}${run.slice(12)}`);
    }
    names.push('长春第000123汽车零部件有限公司', '一汽不是绿色女儿', '嗯呣的了吗', '中国第一汽车集团有限公司长春分公司', '长白山', '重庆长安汽车');
    const differing = names.filter((n) => readingOf(n) !== referenceReadingOf(n));
    expect(differing).toEqual([]);
    // …and the fast path read them itself, rather than falling back to the reference.
    expect(names.filter((n) => fastNumberedReadings(n) === null)).toEqual([]);
    expect(names.length).toBeGreaterThan(800);
  });
});

describe('sort keys', () => {
  // The key as it was first written (regular expressions over the reading), which keys stored by
  // earlier versions follow.
  const referenceKey = (name: string, reading: string) => {
    const parts = reading.split(' ');
    return `${parts.map((p) => p.replace(/[0-5]$/, '')).join(' ')}\u0001${parts.map((p) => (/[0-5]$/.test(p) ? p.slice(-1) : '0')).join('')}\u0001${name}`;
  };
  it.each(['长春市教育局', '长春第000123汽车零部件有限公司', 'ABC  DEF 汽车', '', '的', '一汽-大众 5 号', '（长春）有限公司'])('keys %j as the first version did', (name) => {
    expect(pinyinSortKey(name)).toBe(referenceKey(name, referenceReadingOf(name)));
  });
  it('keys an override as the first version did', () => {
    expect(pinyinSortKey('乐清学校', ' Yue4  qing1 xue xiao ')).toBe(referenceKey('乐清学校', 'yue4 qing1 xue xiao'));
  });
});
