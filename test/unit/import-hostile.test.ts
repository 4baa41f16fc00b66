// Files made to hurt the reader, each class one that took the old reader down: every one is either
// read within the limits or refused with the limit and the figure, through the core's own call and
// through the command line; none is read into more than a bounded grid.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../core/cli/run-cli.js';
import { callAsyncError, callOk } from '../support/core.js';
import { cdataStrings, entityExpansion, hugeSharedStrings, lastColumnCells, lyingZipBomb, mergedBomb, millionRowsCsv, oddReferences, parentPathSheet, styledLastRow } from '../support/hostile-imports.js';
import { useImportCore } from '../support/import-core.js';
import { tempDir } from '../support/migrations.js';

const imports = useImportCore();

async function refusal(fileName: string, bytes: Buffer) {
  const error = await callAsyncError(imports.core, 'imports.stage', { fileName, bytes: bytes.toString('base64') });
  expect(error.code).toBe('IMPORT_FILE');
  return { key: error.details?.key, params: error.details?.params, message: error.message };
}

async function names(fileName: string, bytes: Buffer): Promise<string[]> {
  const staged = await imports.stage(fileName, bytes);
  return callOk(imports.core, 'imports.preview', { uploadId: staged.uploadId }).rows.map((r) => r.name ?? '');
}

describe('hostile spreadsheets', () => {
  it('clips a merged range as wide as the sheet to the cells in use', async () => {
    const bytes = mergedBomb();
    expect(bytes.length).toBeLessThan(3000);
    const staged = await imports.stage('合并.xlsx', bytes);
    expect(staged.rowCount).toBe(1);
    expect(callOk(imports.core, 'imports.preview', { uploadId: staged.uploadId }).rows.map((r) => r.cells)).toEqual([['甲公司', '甲公司', '甲公司']]);
  });

  it('refuses values in column XFD, naming the column and the limit', async () => {
    expect(await refusal('宽.xlsx', lastColumnCells())).toMatchObject({ key: 'import.file.limit.columns', params: { figure: 'XFD2', max: '256', sheet: '“Sheet1”' } });
  });

  it('refuses a csv of millions of rows at the row limit, without building them all', async () => {
    const bytes = millionRowsCsv(2_200_000);
    expect(bytes.length).toBeLessThan(20 * 1024 * 1024);
    expect(await refusal('多.csv', bytes)).toMatchObject({ key: 'import.file.limit.rows', params: { figure: '200,001', max: '200,000' } });
  });

  it('reads cell references it does not expect by position, whatever the declared dimension', async () => {
    expect(await names('引用.xlsx', oddReferences())).toEqual(['乙公司']);
  });

  it('keeps CDATA text, and finds a sheet reached through ../', async () => {
    expect(await names('cdata.xlsx', cdataStrings())).toEqual(['丙<公司>&']);
    expect(await names('路径.xlsx', parentPathSheet())).toEqual(['丁公司']);
  });

  it('reads a sheet with one styled empty row at row 1,048,576', async () => {
    expect(await names('末行.xlsx', styledLastRow())).toEqual(['戊公司']);
  });

  it('refuses entity expansion, a zip that inflates past its declared size, and text past the limit', async () => {
    expect((await refusal('实体.xlsx', entityExpansion())).key).toBe('import.file.damagedPart');
    expect(await refusal('炸弹.xlsx', lyingZipBomb())).toMatchObject({ key: 'import.file.damagedZip' });
    expect(await refusal('长.xlsx', hugeSharedStrings())).toMatchObject({ key: 'import.file.limit.text', params: { max: '32,000,000' } });
  });

  it('says the limit on the command line, without a stack trace', async () => {
    const file = path.join(tempDir(), '宽.xlsx');
    fs.writeFileSync(file, lastColumnCells(50));
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['--data-dir', tempDir(), 'import', 'members', file], { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(code).not.toBe(0);
    expect(err.join('\n')).toContain('cell XFD2');
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
  });
});
