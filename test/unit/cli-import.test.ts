// `import members|list|undo` and `sample generate` from the command line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreementTypeProblem } from '../../core/agreements/agreement-rules.js';
import { runCli } from '../../core/cli/run-cli.js';
import type { AgreementType, OrganizationCategory } from '../../core/contract/codes.js';
import { messyWorkbook, validUscc } from '../support/import-fixtures.js';
import { tempDir } from '../support/migrations.js';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function messyFile(): Promise<string> {
  const file = path.join(tempDir(), '成员名单.xlsx');
  fs.writeFileSync(
    file,
    await messyWorkbook([
      { label: '政府机构', rows: [{ name: '长春市教育局', role: '牵头单位', contact: '王明' }] },
      {
        label: '企业',
        rows: [
          { name: '长春旭阳工业集团', uscc: validUscc(3), contact: '张三', phone: '13900000001' },
          { name: '一汽模具制造有限公司', uscc: '91220101000000001X' },
          { name: '长春富维有限公司', role: '理事长秘书' },
        ],
      },
    ]),
  );
  return file;
}

async function count(dir: string): Promise<number> {
  return (JSON.parse((await cli('--data-dir', dir, 'members', 'list', '--json')).out) as unknown[]).length;
}

describe('import members from the command line', () => {
  it('writes nothing and prints every error when a row is invalid', async () => {
    const dir = tempDir();
    const file = await messyFile();
    const run = await cli('--data-dir', dir, 'import', 'members', file);
    expect(run.code).toBe(1);
    expect(run.out).toContain('row 8\t错误\t一汽模具制造有限公司\t校验位应为');
    expect(run.out).toContain('row 9\t错误\t长春富维有限公司\t不能识别的联合体职务：理事长秘书');
    expect(run.err).toContain('2 rows have errors: nothing was imported');
    expect(await count(dir)).toBe(0);
  });

  it('previews with --dry-run, and imports the valid rows with --skip-invalid as one undoable batch', async () => {
    const dir = tempDir();
    const file = await messyFile();
    const dry = await cli('--data-dir', dir, 'import', 'members', file, '--dry-run', '--skip-invalid', '--json');
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.out) as { counts: Record<string, number>; result: unknown; rows: { row: number; status: string }[] };
    expect(plan.counts).toEqual({ new: 2, update: 0, duplicate: 0, error: 2, skipped: 1 });
    expect(plan.result).toBeNull();
    expect(await count(dir)).toBe(0);

    const run = await cli('--data-dir', dir, 'import', 'members', file, '--skip-invalid');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Imported: 2 new, 0 updated, 0 skipped, 2 rejected, 1 non-member rows left out \(batch ([0-9a-f-]{36});/);
    expect(await count(dir)).toBe(2);

    const again = await cli('--data-dir', dir, 'import', 'members', file, '--skip-invalid', '--on-duplicate', 'fill');
    expect(again.out).toContain('Imported: 0 new, 0 updated, 2 skipped, 2 rejected, 1 non-member rows left out.');

    const list = JSON.parse((await cli('--data-dir', dir, 'import', 'list', '--json')).out) as { id: string; createdCount: number }[];
    expect(list).toHaveLength(1);
    const undo = await cli('--data-dir', dir, 'import', 'undo', list[0]!.id);
    expect(undo.out).toContain('Undone: 2 members removed');
    expect(await count(dir)).toBe(0);
  });

  it('explains a bad option or a missing file', async () => {
    const dir = tempDir();
    expect((await cli('--data-dir', dir, 'import', 'members', 'no-such.xlsx')).err).toContain('No such file');
    const bad = await cli('--data-dir', dir, 'import', 'members', await messyFile(), '--on-duplicate', 'merge');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--on-duplicate must be fill, skip or overwrite');
    const png = path.join(tempDir(), 'a.png');
    fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const refused = await cli('--data-dir', dir, 'import', 'members', png);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('IMPORT_FILE');
  });
});

describe('generated data for benchmarks', () => {
  it('generates agreements between existing members, of types their parties allow, signed at generated ceremonies', async () => {
    const dir = tempDir();
    expect((await cli('--data-dir', dir, 'sample', 'generate', '--members', '40', '--agreements', '120')).code).toBe(0);
    const agreements = JSON.parse((await cli('--data-dir', dir, 'agreements', 'list', '--json')).out) as { type: string; parties: { organizationId: string }[] }[];
    expect(agreements).toHaveLength(120);
    const members = new Map((JSON.parse((await cli('--data-dir', dir, 'members', 'list', '--json')).out) as { id: string; category: OrganizationCategory }[]).map((m) => [m.id, m.category]));
    for (const a of agreements) {
      expect(a.parties).toHaveLength(2);
      expect(agreementTypeProblem(a.type as AgreementType, a.parties.map((p) => members.get(p.organizationId)!))).toBeNull();
    }
    expect(JSON.parse((await cli('--data-dir', dir, 'events', 'list', '--json')).out)).toHaveLength(3);
    expect((await cli('--data-dir', dir, 'sample', 'generate', '--agreements', 'many')).code).toBe(2);
  });
});
