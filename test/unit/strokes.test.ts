// 笔画 order as official name lists use it: stroke count first, then the strokes' classes in order
// (横 竖 撇 点 折), character by character.
import { describe, expect, it } from 'vitest';
import { strokeSortKey } from '../../core/text/strokes.js';

const sorted = (names: string[]) => [...names].sort((a, b) => (strokeSortKey(a) < strokeSortKey(b) ? -1 : strokeSortKey(a) > strokeSortKey(b) ? 1 : 0));

describe('笔画 order', () => {
  it('puts fewer strokes first', () => {
    expect(sorted(['张', '王', '丁', '刘'])).toEqual(['丁', '王', '刘', '张']);
  });

  it('orders the same count by the strokes’ classes, 横 竖 撇 点 折', () => {
    // 于 一一亅 (横…) before 马 乛乚一 (折…); 王 一一丨一 before 井 一一丿丨; 张 (乛一…) before 陈 (阝: 折, 竖…).
    expect(sorted(['马', '于'])).toEqual(['于', '马']);
    expect(sorted(['井', '王'])).toEqual(['王', '井']);
    expect(sorted(['陈', '张'])).toEqual(['张', '陈']);
  });

  it('goes on to the next character only when the first is the same, and a shorter name comes first', () => {
    expect(sorted(['王林', '王刚', '王', '丁一'])).toEqual(['丁一', '王', '王刚', '王林']);
  });

  it('sorts organisation names, with digits, brackets and rare characters after the characters it knows, never failing', () => {
    const names = ['长春职业技术学院', '一汽模具制造有限公司', '吉林大学（中心校区）', '吉林大学', '𠀀字公司', 'ABC科技'];
    const order = sorted(names);
    expect(order[0]).toBe('一汽模具制造有限公司');
    expect(order.indexOf('吉林大学')).toBe(order.indexOf('吉林大学（中心校区）') - 1);
    expect(strokeSortKey('吉 林')).toBe(strokeSortKey('吉林').replace('吉林', '吉 林'));
  });
});
