// Drafts in the window's storage: dates come back as dates, each data file sees only its own drafts,
// and a damaged or oversized entry is no draft rather than an error.
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { draftKey, dropDraft, listDrafts, readDraft, writeDraft } from '../../renderer/src/forms/drafts';

describe('form drafts', () => {
  it('brings dates back as the date pickers need them, and lists drafts by data file and kind', () => {
    const key = draftKey('/a/alliance.sqlite', 'event', null);
    writeDraft(key, { kind: 'event', recordId: null, label: '理事会', values: { title: '理事会', date: dayjs('2026-12-20'), agenda: [{ topic: '工作报告' }] } });
    writeDraft(draftKey('/b/alliance.sqlite', 'event', null), { kind: 'event', recordId: null, label: '别的文件', values: { title: '别的文件' } });
    writeDraft(draftKey('/a/alliance.sqlite', 'agreement', 'x'), { kind: 'agreement', recordId: 'x', label: '协议', values: { title: '协议' } });
    const draft = readDraft(key)!;
    const values = draft.values as { date: dayjs.Dayjs; agenda: { topic: string }[] };
    expect(dayjs.isDayjs(values.date)).toBe(true);
    expect(values.date.format('YYYY-MM-DD')).toBe('2026-12-20');
    expect(values.agenda).toEqual([{ topic: '工作报告' }]);
    expect(listDrafts('/a/alliance.sqlite', 'event').map((d) => d.label)).toEqual(['理事会']);
    dropDraft(key);
    expect(listDrafts('/a/alliance.sqlite', 'event')).toEqual([]);
    expect(listDrafts('/b/alliance.sqlite', 'event')).toHaveLength(1);
  });

  it('reads a damaged entry as no draft, and does not keep one too large to be a form', () => {
    const key = draftKey('/a', 'member', null);
    localStorage.setItem(key, '{"values": ');
    expect(readDraft(key)).toBeNull();
    localStorage.setItem(key, JSON.stringify({ savedAt: 5, values: 'x' }));
    expect(readDraft(key)).toBeNull();
    localStorage.removeItem(key);
    writeDraft(key, { kind: 'member', recordId: null, label: '', values: { notes: 'x'.repeat(600_000) } });
    expect(localStorage.getItem(key)).toBeNull();
  });
});
