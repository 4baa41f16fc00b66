// The exchange through the command line (issue #16): export for a partner, a dry run as JSON, a merge
// that stops on conflicts until told how to resolve them, the partners, and files that are refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../core/cli/run-cli.js';
import { DataFolder } from '../../core/folder/data-folder.js';
import type { AppCore } from '../../core/host/core.js';
import { callOk } from '../support/core.js';
import { editMember } from '../support/exchange.js';
import { tempDir } from '../support/migrations.js';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function inFolder<T>(dir: string, use: (folder: AppCore) => T): Promise<T> {
  const folder = await DataFolder.open(dir, { autoBackupMinutes: null, startupBackup: false });
  try {
    return use(folder as unknown as AppCore);
  } finally {
    folder.close();
  }
}

describe('exchange on the command line', () => {
  it('exports for a partner, dry-runs as JSON, merges, stops on conflicts until resolved, and lists partners', async () => {
    const [a, b] = [tempDir(), tempDir()];
    expect((await cli('--data-dir', a, 'sample', 'load')).code).toBe(0);
    const partners = await cli('--data-dir', b, 'exchange', 'partners', '--json');
    expect(partners.code).toBe(0);
    const bInfo = JSON.parse(partners.out) as { replica: string; partners: unknown[] };
    expect(bInfo.replica).toMatch(/^[0-9a-f]{32}$/);
    expect(bInfo.partners).toEqual([]);

    const file = path.join(tempDir(), 'a.alliance-exchange');
    const exported = await cli('--data-dir', a, 'exchange', 'export', '--out', file, '--partner', bInfo.replica);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/Wrote .*organization 190/);

    const dry = await cli('--data-dir', b, 'exchange', 'import', file, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const review = JSON.parse(dry.out) as { new: { table: string }[]; conflicts: unknown[]; counts: Record<string, number> };
    expect(review.new.filter((i) => i.table === 'organizations')).toHaveLength(190);
    expect(review.conflicts).toEqual([]);
    expect(JSON.parse((await cli('--data-dir', b, 'members', 'list', '--json')).out)).toEqual([]);

    expect((await cli('--data-dir', b, 'exchange', 'import', file)).code).toBe(0);
    expect(JSON.parse((await cli('--data-dir', b, 'members', 'list', '--json')).out)).toHaveLength(190);

    // The same unit's notes changed on both copies.
    const id = (JSON.parse((await cli('--data-dir', a, 'members', 'list', '--json', '--text', '长春东方职业学院')).out) as { id: string }[])[0]!.id;
    await inFolder(a, (core) => editMember(core, id, { notes: '甲的备注' }));
    await inFolder(b, (core) => editMember(core, id, { notes: '乙的备注' }));
    const again = path.join(tempDir(), 'a2.alliance-exchange');
    const aInfo = JSON.parse((await cli('--data-dir', a, 'exchange', 'partners', '--json')).out) as { replica: string };
    expect((await cli('--data-dir', a, 'exchange', 'export', '--out', again)).code).toBe(0);

    const stopped = await cli('--data-dir', b, 'exchange', 'import', again);
    expect(stopped.code).toBe(1);
    expect(stopped.err).toMatch(/1 records were changed on both copies; nothing was merged/);
    const conflicts = JSON.parse((await cli('--data-dir', b, 'exchange', 'import', again, '--dry-run', '--json')).out) as { conflicts: { field: string; mine: string; theirs: string }[] };
    expect(conflicts.conflicts).toEqual([expect.objectContaining({ field: 'notes', mine: '乙的备注', theirs: '甲的备注' })]);
    expect((await cli('--data-dir', b, 'exchange', 'import', again, '--resolve', 'theirs')).code).toBe(0);
    expect(await inFolder(b, (core) => callOk(core, 'members.get', { id }).notes)).toBe('甲的备注');

    // A file that deletes records here is merged only with --yes.
    const gone = await inFolder(a, (core) => callOk(core, 'members.create', { name: '临时单位', category: 'other' }).member.id);
    const adding = path.join(tempDir(), 'a3.alliance-exchange');
    expect((await cli('--data-dir', a, 'exchange', 'export', '--out', adding)).code).toBe(0);
    expect((await cli('--data-dir', b, 'exchange', 'import', adding)).code).toBe(0);
    await inFolder(a, (core) => callOk(core, 'members.delete', { id: gone }));
    const deleting = path.join(tempDir(), 'a4.alliance-exchange');
    expect((await cli('--data-dir', a, 'exchange', 'export', '--out', deleting)).code).toBe(0);
    const asked = await cli('--data-dir', b, 'exchange', 'import', deleting);
    expect(asked.code).toBe(1);
    expect(asked.err).toMatch(/deletes \d+ records here; nothing was merged/);
    expect(await inFolder(b, (core) => callOk(core, 'members.list', { text: '临时单位' }).total)).toBe(1);
    expect((await cli('--data-dir', b, 'exchange', 'import', deleting, '--yes')).code).toBe(0);
    expect(await inFolder(b, (core) => callOk(core, 'members.list', { text: '临时单位' }).total)).toBe(0);

    const known = await cli('--data-dir', b, 'exchange', 'partners');
    expect(known.out).toContain(aInfo.replica);
    expect(known.out).toMatch(/1 partners/);
  }, 120_000);

  it('refuses bad arguments and damaged files with their exit codes, never a stack trace', async () => {
    const [a, b] = [tempDir(), tempDir()];
    expect((await cli('--data-dir', a, 'sample', 'load')).code).toBe(0);
    const file = path.join(tempDir(), 'a.alliance-exchange');
    expect((await cli('--data-dir', a, 'exchange', 'export', '--out', file, '--all')).code).toBe(0);
    expect((await cli('--data-dir', b, 'exchange', 'import', file, '--resolve', 'loudest')).code).toBe(2);
    expect((await cli('--data-dir', b, 'exchange', 'import', path.join(tempDir(), 'missing.alliance-exchange'))).code).toBe(2);
    expect((await cli('--data-dir', b, 'exchange', 'export', '--out', file, '--partner', 'not-a-replica')).code).toBe(2);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0x55;
    const damaged = path.join(tempDir(), 'damaged.alliance-exchange');
    fs.writeFileSync(damaged, bytes);
    const refused = await cli('--data-dir', b, 'exchange', 'import', damaged);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^EXCHANGE_FILE: The exchange file is damaged/);
    expect(refused.err).not.toMatch(/\n\s+at /);
    // Its own file, merged into itself, is refused too.
    const own = await cli('--data-dir', a, 'exchange', 'import', file);
    expect(own.code).toBe(1);
    expect(own.err).toMatch(/written by this very copy/);
    expect(JSON.parse((await cli('--data-dir', b, 'members', 'list', '--json')).out)).toEqual([]);
  }, 120_000);
});
