// Peak memory while reading: each hostile class, and large honest files, staged in a child process
// of its own through the core's call, must stay under 300 MB of resident memory, read or refused.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import {
  cdataStrings,
  deepNesting,
  entityExpansion,
  hugeElementName,
  hugeSharedStrings,
  lastColumnCells,
  lyingZipBomb,
  mergedBomb,
  millionRowsCsv,
  oddReferences,
  overlappingMerges,
  parentPathSheet,
  sheetsSharingPart,
  styledLastRow,
  unbalancedQuoteCsv,
} from '../support/hostile-imports.js';
import { tempDir } from '../support/migrations.js';

const LIMIT_MB = 300;
const root = path.resolve(import.meta.dirname, '..', '..');

function peak(file: string): { outcome: string; maxRssMb: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'test/support/import-rss-child.ts'), file], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(out.trim().split('\n').pop()!) as { outcome: string; maxRssMb: number };
}

/** An honest roster of `rows` rows as csv (about 90 bytes a row). */
function largeCsv(rows: number): Buffer {
  const lines = ['序号,单位名称,类别,联系人,联系电话,地址'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},长春市第${i}汽车零部件制造有限公司,企业,张${i},0431-${String(80000000 + i)},吉林省长春市绿园区西新镇${i}号`);
  return Buffer.from(lines.join('\n'), 'utf8');
}

function largeXls(rows: number): Buffer {
  const data: unknown[][] = [['单位名称', '类别', '联系人', '联系电话']];
  for (let i = 1; i <= rows; i++) data.push([`长春市第${i}汽车零部件制造有限公司`, '企业', `张${i}`, `0431-${80000000 + i}`]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(data), '名单');
  return Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Uint8Array);
}

/** Long strings in a binary workbook, read by the legacy reader's own process: its answer must stay bounded too. */
function longTextXlsb(rows: number): Buffer {
  const long = 'x'.repeat(30_000);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['单位名称', '类别'], ...Array.from({ length: rows }, () => [long])]), 'S');
  return Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsb', bookSST: true }) as Uint8Array);
}

describe('memory while reading', () => {
  it(`stays under ${LIMIT_MB} MB for every hostile class and for large honest files`, { timeout: 600_000 }, () => {
    const dir = tempDir();
    const files: [string, Buffer][] = [
      ['merged-bomb.xlsx', mergedBomb()],
      ['column-xfd.xlsx', lastColumnCells()],
      ['rows.csv', millionRowsCsv(2_200_000)],
      ['odd-refs.xlsx', oddReferences()],
      ['cdata.xlsx', cdataStrings()],
      ['parent-path.xlsx', parentPathSheet()],
      ['last-row.xlsx', styledLastRow()],
      ['entities.xlsx', entityExpansion()],
      ['lying-zip.xlsx', lyingZipBomb()],
      ['long-strings.xlsx', hugeSharedStrings()],
      ['deep.xlsx', deepNesting()],
      ['overlapping.xlsx', overlappingMerges()],
      ['shared-part.xlsx', sheetsSharingPart()],
      ['long-name.xlsx', hugeElementName()],
      ['stray-quote.csv', unbalancedQuoteCsv()],
      ['long-text.xlsb', longTextXlsb(1500)],
      ['large.csv', largeCsv(150_000)],
      ['large.xls', largeXls(60_000)],
    ];
    const results: Record<string, { outcome: string; maxRssMb: number }> = {};
    for (const [name, bytes] of files) {
      expect(bytes.length, name).toBeLessThanOrEqual(20 * 1024 * 1024);
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      results[name] = peak(file);
    }
    console.log(Object.entries(results).map(([name, r]) => `${name.padEnd(18)} ${r.outcome.padEnd(32)} ${r.maxRssMb} MB`).join('\n'));
    for (const [name, r] of Object.entries(results)) expect(r.maxRssMb, name).toBeLessThan(LIMIT_MB);
    // The honest files are read, the hostile ones read or refused as their class says.
    expect(results['large.csv']!.outcome).toBe('read');
    expect(results['large.xls']!.outcome).toBe('read');
    expect(results['column-xfd.xlsx']!.outcome).toBe('import.file.limit.columns');
    expect(results['rows.csv']!.outcome).toBe('import.file.limit.rows');
    expect(results['merged-bomb.xlsx']!.outcome).toBe('read');
    expect(results['overlapping.xlsx']!.outcome).toBe('import.file.limit.cells');
    expect(results['stray-quote.csv']!.outcome).toBe('import.file.limit.cellText');
    expect(results['long-text.xlsb']!.outcome).toBe('import.file.limit.text');
  });
});
