// The import's own xlsx reader, on sheet XML as Excel, WPS and other programs write it.
import { describe, expect, it } from 'vitest';
import { zipOf } from '../../core/io/exports/zip-writer.js';
import { findHeaderRow } from '../../core/io/imports/columns.js';
import { readSpreadsheet } from '../../core/io/imports/read/read-spreadsheet.js';

/** The grid of the sheet the import would read. */
async function readWorkbookGrid(bytes: Buffer): Promise<string[][]> {
  return (await readSpreadsheet('roster.xlsx', bytes, undefined, (grid) => findHeaderRow(grid.rows) !== null)).grid.rows;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function workbook(parts: { workbook?: string; sheets: string[]; sharedStrings?: string; styles?: string }): Buffer {
  const sheetList = parts.sheets.map((_, i) => `<sheet name="表${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return zipOf([
    { name: '[Content_Types].xml', text: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'xl/workbook.xml', text: parts.workbook ?? `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetList}</sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${parts.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    },
    ...(parts.sharedStrings ? [{ name: 'xl/sharedStrings.xml', text: parts.sharedStrings }] : []),
    ...(parts.styles ? [{ name: 'xl/styles.xml', text: parts.styles }] : []),
    ...parts.sheets.map((xml, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, text: xml })),
  ]);
}

const sheet = (rows: string, extra = '') => `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData>${extra}</worksheet>`;

describe('reading xlsx sheet XML', () => {
  it('reads shared strings with rich-text runs and phonetic guides, inline strings, numbers, booleans and errors', async () => {
    const grid = await readWorkbookGrid(
      workbook({
        sharedStrings: `<sst xmlns="${MAIN}"><si><t>单位名称</t></si><si><r><rPr><b/></rPr><t>长春</t></r><r><t xml:space="preserve"> 汽车 </t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh></si><si/><si><t>A&amp;B &lt;公司&gt; &#x4E00;&#19968;</t></si></sst>`,
        sheets: [
          sheet(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>联系人</t></is></c></row>' +
              '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3"><v>13900000001</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" t="str"><f>A1</f><v>王明</v></c><c r="G3"><v>2.5</v></c></row>' +
              '<row r="4"><c r="A4" t="s"><v>3</v></c></row>',
          ),
        ],
      }),
    );
    expect(grid).toEqual([['单位名称', '', '联系人'], [], ['长春 汽车 ', '', '13900000001', 'TRUE', '', '王明', '2.5'], ['A&B <公司> 一一']]);
    // A number that may be a code or a phone is remembered as a number (row 3, column C).
    const read = await readSpreadsheet('a.xlsx', workbook({ sheets: [sheet('<row r="3"><c r="C3"><v>13900000001</v></c><c r="D3"><v>12</v></c></row>')] }), undefined, () => true);
    expect([...read.grid.numeric.entries()].map(([r, cols]) => [r, [...cols]])).toEqual([[2, [2]]]);
  });

  it('reads dates by their cell style: built-in, Chinese built-in and custom formats, and the 1904 system', async () => {
    const styles =
      `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="&quot;No. &quot;0"/></numFmts>` +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="176"/><xf numFmtId="177"/></cellXfs></styleSheet>';
    const rows = '<row r="1"><c r="A1" s="1"><v>45157</v></c><c r="B1" s="2"><v>45157</v></c><c r="C1" s="3"><v>45157</v></c><c r="D1" s="4"><v>45157</v></c><c r="E1" s="0"><v>45157</v></c><c r="F1" s="1"><v>1</v></c></row>';
    expect(await readWorkbookGrid(workbook({ styles, sheets: [sheet(rows)] }))).toEqual([['2023-08-19', '2023-08-19', '2023-08-19', '45157', '45157', '1900-01-01']]);
    const in1904 = workbook({ styles, sheets: [sheet('<row r="1"><c r="A1" s="1"><v>43695</v></c></row>')], workbook: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr date1904="1"/><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>` });
    expect(await readWorkbookGrid(in1904)).toEqual([['2023-08-19']]);
  });

  it('places cells and rows written without references one after another, and fills merged ranges', async () => {
    const rows = '<row><c t="inlineStr"><is><t>企业</t></is></c><c t="inlineStr"><is><t>甲</t></is></c></row><row><c/><c t="inlineStr"><is><t>乙</t></is></c></row>';
    expect(await readWorkbookGrid(workbook({ sheets: [sheet(rows, '<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>')] }))).toEqual([
      ['企业', '甲'],
      ['企业', '乙'],
    ]);
  });

  it('reads attributes in single quotes or with spaces around the equals sign, and values with attributes', async () => {
    const rows = "<row r='1'><c r='A1' t='s'><v>0</v></c><c r = \"B1\" t = 'inlineStr'><is><t>乙</t></is></c><c r='C1'><v xml:space='preserve'>42</v></c></row><row r='2'><c r='A2'/></row>";
    const grid = await readWorkbookGrid(workbook({ sharedStrings: `<sst xmlns="${MAIN}"><si><t>甲</t></si></sst>`, sheets: [sheet(rows, "<mergeCells count='1'><mergeCell ref='A1:A2'/></mergeCells>")] }));
    // The merge reaches row 2, which holds no value: merges are clipped to the rows and columns in use.
    expect(grid).toEqual([['甲', '乙', '42']]);
  });

  it('finds the shared strings and styles where the workbook’s relationships put them', async () => {
    const bytes = zipOf([
      { name: 'xl/workbook.xml', text: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="表" sheetId="1" r:id="rS"/></sheets></workbook>` },
      {
        name: 'xl/_rels/workbook.xml.rels',
        text:
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rS" Type="${REL}/worksheet" Target="/xl/data/first.xml"/>` +
          `<Relationship Id="rT" Type="${REL}/sharedStrings" Target="strings/shared1.xml"/>` +
          `<Relationship Id="rY" Type="${REL}/styles" Target="looks.xml"/></Relationships>`,
      },
      { name: 'xl/strings/shared1.xml', text: `<sst xmlns="${MAIN}"><si><t>长春市教育局</t></si></sst>` },
      { name: 'xl/looks.xml', text: `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>` },
      { name: 'xl/data/first.xml', text: sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45157</v></c></row>') },
    ]);
    expect(await readWorkbookGrid(bytes)).toEqual([['长春市教育局', '2023-08-19']]);
  });

  it('takes the first sheet in the workbook’s order that has data', async () => {
    const grid = await readWorkbookGrid(workbook({ sheets: [sheet('<row r="1"><c r="A1" t="inlineStr"><is><t> </t></is></c></row>'), sheet('<row r="2"><c r="B2" t="inlineStr"><is><t>第二张</t></is></c></row>')] }));
    expect(grid).toEqual([[], ['', '第二张']]);
  });

  it('reads a workbook whose elements carry a namespace prefix, which exceljs cannot', async () => {
    // As .NET's Open XML SDK may write it.
    const prefixed = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>单位名称</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const bytes = workbook({ sheets: [prefixed], workbook: `<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheets><x:sheet name="表" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>` });
    await expect(readWorkbookGrid(bytes)).resolves.toEqual([["单位名称"]]);
  });
});
