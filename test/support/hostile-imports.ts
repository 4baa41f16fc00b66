// Spreadsheets made to hurt a reader, built in code: each class a real attack or accident took the
// old reader down with (a merged range as wide as the sheet, cells in column XFD, millions of csv
// rows, a zip that lies about its sizes, entity expansion, parts reached through ../).
import { deflateRawSync } from 'node:zlib';
import { zipOf } from '../../core/io/exports/zip-writer.js';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface XlsxParts {
  sheets: { name?: string; xml: string | Iterable<string>; state?: 'hidden' }[];
  sharedStrings?: string;
  styles?: string;
  /** Where the workbook's relationships point the sheets (relative to xl/). */
  sheetTarget?: (i: number) => string;
  /** Where the sheets actually are in the zip. */
  sheetPath?: (i: number) => string;
  extra?: { name: string; text: string }[];
}

/** An xlsx from its parts, as Excel lays them out unless told otherwise. */
export function xlsxFromParts(parts: XlsxParts): Buffer {
  const target = parts.sheetTarget ?? ((i: number) => `worksheets/sheet${i + 1}.xml`);
  const path = parts.sheetPath ?? ((i: number) => `xl/worksheets/sheet${i + 1}.xml`);
  const sheetList = parts.sheets.map((s, i) => `<sheet name="${s.name ?? `Sheet${i + 1}`}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  const rels = parts.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${target(i)}"/>`);
  if (parts.sharedStrings) rels.push(`<Relationship Id="rSst" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (parts.styles) rels.push(`<Relationship Id="rSty" Type="${REL}/styles" Target="styles.xml"/>`);
  return zipOf([
    { name: '[Content_Types].xml', text: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: '_rels/.rels', text: `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', text: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetList}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', text: `<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>` },
    ...(parts.sharedStrings ? [{ name: 'xl/sharedStrings.xml', text: parts.sharedStrings }] : []),
    ...(parts.styles ? [{ name: 'xl/styles.xml', text: parts.styles }] : []),
    ...parts.sheets.map((s, i) => ({ name: path(i), text: s.xml })),
    ...(parts.extra ?? []),
  ]);
}

export const sheetXml = (rows: string, extra = '', before = '') => `<worksheet xmlns="${MAIN}">${before}<sheetData>${rows}</sheetData>${extra}</worksheet>`;
export const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
export const numberCell = (ref: string, value: string | number) => `<c r="${ref}"><v>${value}</v></c>`;

const rosterHeader = `<row r="1">${inlineCell('A1', '单位名称')}${inlineCell('B1', '类别')}${inlineCell('C1', '联系人')}</row>`;

/** A roster header and one member, then a merged range from A2 to the last column and row 199,999. */
export function mergedBomb(): Buffer {
  return xlsxFromParts({ sheets: [{ xml: sheetXml(`${rosterHeader}<row r="2">${inlineCell('A2', '甲公司')}</row>`, '<mergeCells count="1"><mergeCell ref="A2:XFD199999"/></mergeCells>') }] });
}

/** Values in column XFD on many rows (each row 16,384 cells wide if a grid were built). */
export function lastColumnCells(rows = 2000): Buffer {
  function* xml() {
    yield `<worksheet xmlns="${MAIN}"><sheetData>${rosterHeader}`;
    for (let r = 2; r <= rows; r++) yield `<row r="${r}">${inlineCell(`A${r}`, `单位${r}`)}${inlineCell(`XFD${r}`, 'x')}</row>`;
    yield '</sheetData></worksheet>';
  }
  return xlsxFromParts({ sheets: [{ xml: xml() }] });
}

/** A csv of millions of short rows (about 6 bytes each). */
export function millionRowsCsv(rows = 3_000_000): Buffer {
  return Buffer.from('单位名称,类别\n' + 'a,企业\n'.repeat(rows), 'utf8');
}

/** A sheet whose declared dimension is the whole grid and whose cell references are not A1 style. */
export function oddReferences(): Buffer {
  return xlsxFromParts({
    sheets: [{ xml: sheetXml(`${rosterHeader}<row r="2"><c r="R2C1" t="inlineStr"><is><t>乙公司</t></is></c><c r="b2" t="inlineStr"><is><t>企业</t></is></c></row>`, '', '<dimension ref="A1:XFD1048576"/>') }],
  });
}

/** Shared strings with CDATA sections. */
export function cdataStrings(): Buffer {
  return xlsxFromParts({
    sharedStrings: `<sst xmlns="${MAIN}"><si><t><![CDATA[单位名称]]></t></si><si><t>类别</t></si><si><t><![CDATA[丙<公司>&]]></t></si><si><t>企业</t></si></sst>`,
    sheets: [{ xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>') }],
  });
}

/** A sheet part named by the workbook through ../ (from xl/ to the package root). */
export function parentPathSheet(): Buffer {
  return xlsxFromParts({
    sheets: [{ xml: sheetXml(`${rosterHeader}<row r="2">${inlineCell('A2', '丁公司')}${inlineCell('B2', '企业')}</row>`) }],
    sheetTarget: () => '../sheets/data.xml',
    sheetPath: () => 'sheets/data.xml',
  });
}

/** One styled empty row at the last row Excel has. */
export function styledLastRow(): Buffer {
  return xlsxFromParts({ sheets: [{ xml: sheetXml(`${rosterHeader}<row r="2">${inlineCell('A2', '戊公司')}${inlineCell('B2', '企业')}</row><row r="1048576" s="1" customFormat="1"/>`) }] });
}

/** Entity expansion (billion laughs) in a DTD. */
export function entityExpansion(): Buffer {
  const dtd = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
  return xlsxFromParts({ sheets: [{ xml: `<?xml version="1.0"?>${dtd}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>` }] });
}

/** A zip whose sheet inflates far beyond the size its directory declares (a lying zip bomb). */
export function lyingZipBomb(): Buffer {
  const honest = xlsxFromParts({ sheets: [{ xml: sheetXml(rosterHeader) }] });
  const sheetName = Buffer.from('xl/worksheets/sheet1.xml');
  const bomb = deflateRawSync(Buffer.concat([Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>`), Buffer.alloc(200 * 1024 * 1024, 0x20)]));
  // Rebuild the zip with the bomb as the sheet's data but the small declared size left in place.
  return replaceEntryData(honest, sheetName, bomb, 1000);
}

/** The zip with one entry's compressed data replaced and its declared uncompressed size set. */
function replaceEntryData(zip: Buffer, name: Buffer, data: Buffer, declaredSize: number): Buffer {
  const out: Buffer[] = [];
  const centrals: Buffer[] = [];
  let at = 0;
  const offsets = new Map<string, number>();
  let written = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    const entryName = zip.subarray(at + 30, at + 30 + nameLength);
    const compressed = zip.readUInt32LE(at + 18);
    const header = Buffer.from(zip.subarray(at, at + 30 + nameLength + extra));
    let body = zip.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + compressed);
    if (entryName.equals(name)) {
      body = data;
      header.writeUInt32LE(data.length, 18);
      header.writeUInt32LE(declaredSize, 22);
    }
    offsets.set(entryName.toString(), written);
    out.push(header, body);
    written += header.length + body.length;
    at += 30 + nameLength + extra + compressed;
  }
  const directoryStart = written;
  while (zip.readUInt32LE(at) === 0x02014b50) {
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const entry = Buffer.from(zip.subarray(at, at + 46 + nameLength + extra + comment));
    const entryName = entry.subarray(46, 46 + nameLength);
    if (entryName.equals(name)) {
      entry.writeUInt32LE(data.length, 20);
      entry.writeUInt32LE(declaredSize, 24);
    }
    entry.writeUInt32LE(offsets.get(entryName.toString())!, 42);
    centrals.push(entry);
    at += entry.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.from(zip.subarray(at, at + 22));
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(directoryStart, 16);
  return Buffer.concat([...out, directory, end]);
}

/** Thousands of shared strings of the largest size a cell may hold. */
export function hugeSharedStrings(count = 2000): Buffer {
  function* sst() {
    yield `<sst xmlns="${MAIN}">`;
    const long = '长'.repeat(32_000);
    for (let i = 0; i < count; i++) yield `<si><t>${long}${i}</t></si>`;
    yield '</sst>';
  }
  return zipOf([
    { name: '_rels/.rels', text: `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', text: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', text: `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>` },
    { name: 'xl/sharedStrings.xml', text: sst() },
    { name: 'xl/worksheets/sheet1.xml', text: sheetXml(rosterHeader) },
  ]);
}

// Classes an attack on the first version of the streaming readers found (each took it down or held
// far more than the limits allow).

/** Elements nested hundreds of thousands deep (the parser keeps every open tag). */
export function deepNesting(levels = 300_000): Buffer {
  function* xml() {
    yield `<worksheet xmlns="${MAIN}"><sheetData>`;
    const block = '<a>'.repeat(10_000);
    for (let i = 0; i < levels; i += 10_000) yield block;
  }
  return xlsxFromParts({ sheets: [{ xml: xml() }] });
}

/** A hundred thousand copies of one large merged range over cells in use. */
export function overlappingMerges(copies = 100_000): Buffer {
  const merges = '<mergeCell ref="A1:IV11000"/>'.repeat(copies);
  return xlsxFromParts({ sheets: [{ xml: sheetXml(`<row r="1">${inlineCell('A1', '单位名称')}</row><row r="11000"><c r="IV11000"><v>1</v></c></row>`, `<mergeCells>${merges}</mergeCells>`) }] });
}

/** Many sheets whose relationships all name one part. */
export function sheetsSharingPart(count = 255): Buffer {
  return xlsxFromParts({ sheets: Array.from({ length: count }, (_, i) => ({ xml: i ? '' : sheetXml(`<row r="1">${'<c s="1"/>'.repeat(1000)}</row>`) })), sheetTarget: () => 'worksheets/sheet1.xml' });
}

/** An element name of millions of characters (built whole by the parser before any event). */
export function hugeElementName(chars = 5_000_000): Buffer {
  function* xml() {
    yield `<worksheet xmlns="${MAIN}"><sheetData><x`;
    const block = 'x'.repeat(100_000);
    for (let i = 0; i < chars; i += 100_000) yield block;
    yield '/></sheetData></worksheet>';
  }
  return xlsxFromParts({ sheets: [{ xml: xml() }] });
}

/** A csv with one stray quote near the top: the rest of the file would become one field. */
export function unbalancedQuoteCsv(bytes = 19 * 1024 * 1024): Buffer {
  return Buffer.from('单位名称,类别\n"' + 'ab,\n'.repeat(Math.floor(bytes / 4)), 'utf8');
}
