import { describe, expect, it } from 'vitest';
import { pinyinSortKey, readingOf } from '../../core/pinyin.js';

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
