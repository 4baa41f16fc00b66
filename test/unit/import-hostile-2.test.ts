// The attacks on the first version of the streaming readers, and the wrong readings they found:
// each is now refused quickly with its reason, or read right.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { zipOf } from '../../core/io/exports/zip-writer.js';
import { callAsyncError, callOk } from '../support/core.js';
import { deepNesting, hugeElementName, inlineCell, MAIN, overlappingMerges, sheetsSharingPart, sheetXml, unbalancedQuoteCsv, xlsxFromParts } from '../support/hostile-imports.js';
import { useImportCore } from '../support/import-core.js';

const imports = useImportCore();

async function refusal(fileName: string, bytes: Buffer) {
  const started = performance.now();
  const error = await callAsyncError(imports.core, 'imports.stage', { fileName, bytes: bytes.toString('base64') });
  expect(error.code).toBe('IMPORT_FILE');
  return { key: error.details?.key, params: error.details?.params, seconds: (performance.now() - started) / 1000 };
}

async function cells(bytes: Buffer): Promise<string[][]> {
  const staged = await imports.stage('a.xlsx', bytes);
  return callOk(imports.core, 'imports.preview', { uploadId: staged.uploadId }).rows.map((r) => r.cells);
}

describe('attacks on the streaming readers', () => {
  it('refuses elements nested deeper than any spreadsheet', async () => {
    expect((await refusal('深.xlsx', deepNesting())).key).toBe('import.file.damagedPart');
  });

  it('counts overlapping merges against the cell limit instead of filling them again and again', async () => {
    const result = await refusal('合并.xlsx', overlappingMerges());
    expect(result).toMatchObject({ key: 'import.file.limit.cells' });
    // Refused on the count, not after filling: well under the time one fill of the range takes a hundred times.
    expect(result.seconds).toBeLessThan(30);
  });

  it('refuses sheets that share one part, and names a part longer than any cell', async () => {
    expect((await refusal('共用.xlsx', sheetsSharingPart())).key).toBe('import.file.damagedZip');
    expect(await refusal('长名.xlsx', hugeElementName())).toMatchObject({ key: 'import.file.limit.item' });
  });

  it('refuses a csv whose stray quote would swallow the file, at the cell limit', async () => {
    expect(await refusal('引号.csv', unbalancedQuoteCsv())).toMatchObject({ key: 'import.file.limit.cellText', params: { max: '32,767' } });
  });

  it('refuses duplicate part names, a part that fails its checksum, a foreign XML encoding and broken UTF-16', async () => {
    const roster = sheetXml(`<row r="1">${inlineCell('A1', '单位名称')}${inlineCell('B1', '类别')}</row><row r="2">${inlineCell('A2', '甲公司')}${inlineCell('B2', '企业')}</row>`);
    const good = xlsxFromParts({ sheets: [{ xml: roster }] });
    const twice = xlsxFromParts({ sheets: [{ xml: roster }], extra: [{ name: 'XL/worksheets/SHEET1.xml', text: roster }] });
    expect((await refusal('重名.xlsx', twice)).key).toBe('import.file.damagedZip');
    // The central directory's CRC of the sheet changed: its bytes no longer match it.
    const sheetEntry = good.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46;
    expect(good.readUInt32LE(sheetEntry)).toBe(0x02014b50);
    const badCrc = Buffer.from(good);
    badCrc.writeUInt32LE((badCrc.readUInt32LE(sheetEntry + 16) ^ 1) >>> 0, sheetEntry + 16);
    expect((await refusal('校验.xlsx', badCrc)).key).toBe('import.file.damagedZip');
    const gbk = xlsxFromParts({ sheets: [{ xml: `<?xml version="1.0" encoding="GBK"?>${roster}` }] });
    expect((await refusal('编码.xlsx', gbk)).key).toBe('import.file.damagedPart');
    const utf16 = Buffer.concat([iconv.encode('单位名称,类别\n甲公司,企业\n', 'utf-16le', { addBOM: true }), Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    expect((await refusal('残缺.csv', utf16)).key).toBe('import.file.invalidUtf16');
  });

  it('reads an empty shared-string cell as empty, and a cell where its own reference puts it', async () => {
    const sst = `<sst xmlns="${MAIN}"><si><t>单位名称</t></si><si><t>类别</t></si><si><t>联系人</t></si><si><t>甲公司</t></si><si><t>企业</t></si></sst>`;
    const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" s="3" t="s"/><c r="D2" t="s"><v> </v></c></row>';
    expect(await cells(xlsxFromParts({ sharedStrings: sst, sheets: [{ xml: sheetXml(rows) }] }))).toEqual([['甲公司', '企业']]);
    const misplaced = `<row r="1">${inlineCell('A1', '单位名称')}${inlineCell('B1', '类别')}</row><row r="2">${inlineCell('A5', '乙公司')}${inlineCell('B5', '企业')}</row><row r="3">${inlineCell('A3', '丙公司')}${inlineCell('B3', '企业')}</row>`;
    expect((await cells(xlsxFromParts({ sheets: [{ xml: sheetXml(misplaced) }] }))).map((r) => r[0])).toEqual(['丙公司', '乙公司']);
  });

  it('still reads a zip written by our own writer', async () => {
    const bytes = zipOf([
      { name: 'xl/workbook.xml', text: `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', text: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/worksheets/sheet1.xml', text: sheetXml(`<row r="1">${inlineCell('A1', '单位名称')}${inlineCell('B1', '类别')}</row><row r="2">${inlineCell('A2', '丁公司')}${inlineCell('B2', '企业')}</row>`) },
    ]);
    expect(await cells(bytes)).toEqual([['丁公司', '企业']]);
  });
});
