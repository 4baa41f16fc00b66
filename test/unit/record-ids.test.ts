import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { newRecordId } from '../../core/records/ids.js';

const uuid = z.string().uuid();

describe('record ids (UUID version 7)', () => {
  it('are UUIDs every id check in the API accepts, version 7, RFC variant, with the creation time first', () => {
    const now = Date.UTC(2026, 11, 7, 3, 0, 0);
    const id = newRecordId(now + 10_000);
    expect(uuid.safeParse(id).success).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(now + 10_000);
  });

  it('sort in the order they were made, within one millisecond, past the counter’s end, and when the clock steps back', () => {
    const start = Date.now() + 60_000;
    const made: string[] = [];
    for (let i = 0; i < 5000; i++) made.push(newRecordId(start)); // one millisecond: the 12-bit counter runs out
    made.push(newRecordId(start - 5000)); // the wall clock stepped back
    for (let i = 1; i <= 3000; i++) made.push(newRecordId(start + 1 + Math.floor(i / 7)));
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
    expect(made.every((id) => uuid.safeParse(id).success)).toBe(true);
  });

  it('differ between two makers in the same millisecond (two laptops): the random part tells them apart', async () => {
    vi.resetModules();
    const other = (await import('../../core/records/ids.js')).newRecordId;
    expect(other).not.toBe(newRecordId); // a second instance, with its own counter
    const at = Date.now() + 120_000;
    const a = Array.from({ length: 100 }, () => newRecordId(at));
    const b = Array.from({ length: 100 }, () => other(at));
    expect(a.every((id) => id.startsWith(b[0]!.slice(0, 13)))).toBe(true); // the same millisecond
    expect(new Set([...a, ...b]).size).toBe(200);
    expect(new Set([...a, ...b].map((id) => id.slice(19))).size).toBe(200);
  });
});
