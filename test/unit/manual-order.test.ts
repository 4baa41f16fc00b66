// Manual order (手工排序): units with a position number come first, in that order, the rest after them
// by pinyin — in the register, the roster, its exports and the CLI; a bad number is refused at its field.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../core/cli/run-cli.js';
import type { AppCore } from '../../core/host/core.js';
import { callError, callOk, freshCore } from '../support/core.js';
import { tempDir } from '../support/migrations.js';

let core: AppCore;
beforeEach(async () => {
  core = await freshCore(path.join(tempDir(), 'alliance.sqlite'));
});
afterEach(() => core.close());

describe('manual order', () => {
  it('puts the numbered units first, by number, then the rest by pinyin', async () => {
    const add = (name: string, rosterRank: number | null) => callOk(core, 'members.create', { name, category: 'enterprise', rosterRank }).member;
    add('长春甲企业有限公司', null);
    add('一汽模具制造有限公司', 2);
    add('中国第一汽车集团有限公司', 1);
    add('吉林乙企业有限公司', null);
    const order = ['中国第一汽车集团有限公司', '一汽模具制造有限公司', '长春甲企业有限公司', '吉林乙企业有限公司'];
    expect(callOk(core, 'members.list', { sort: 'manual' }).rows.map((r) => r.name)).toEqual(order);
    expect(callOk(core, 'reports.roster', { includeUscc: false, order: 'manual' }).groups[0]!.rows.map((r) => r.name)).toEqual(order);
    expect(callError(core, 'members.create', { name: '长春丙企业有限公司', category: 'enterprise', rosterRank: 0 }).details?.fields?.rosterRank?.key).toBe('validation.numberTooSmall');
    expect(callError(core, 'members.create', { name: '长春丙企业有限公司', category: 'enterprise', rosterRank: 1.5 }).details?.fields?.rosterRank).toBeDefined();

    const dir = tempDir();
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: () => undefined };
    expect(await runCli(['--data-dir', dir, 'sample', 'load'], io)).toBe(0);
    out.length = 0;
    expect(await runCli(['--data-dir', dir, 'roster', '--json', '--order', 'manual'], io)).toBe(0);
    expect((JSON.parse(out.join('\n')) as { groups: unknown[] }).groups.length).toBeGreaterThan(0);
  });
});
