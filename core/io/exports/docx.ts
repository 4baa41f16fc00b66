// docx in the layout of GB/T 9704-2012 (党政机关公文格式): A4, top margin 37 mm, left 28 mm, a type
// area of 156 × 225 mm on a grid of 22 lines of 28 characters; the title in 2号 方正小标宋简体,
// centred; body in 3号 仿宋_GB2312; first-level headings in 3号 黑体; tables in 4号, as offices set
// them; page numbers in 4号 宋体 as "— 1 —", right on odd pages and left on even ones. Fonts are set
// by name with the common face as the fallback (宋体, 仿宋): Word and WPS substitute what a machine
// lacks. Tables repeat their header row on every page and rows never split. settings.xml names the
// current Word, so Word does not open the file in compatibility mode.
// WordprocessingML is written directly as text: the `docx` library built a 10,000-row roster in 12 s,
// most of it garbage collection; this writer takes a fraction of a second.
import { closingShortSection, fitColumns, fittingSize, printedCell, wantedColumns, type ReportBlock, type ReportDocument } from './document.js';
import { APP_XML, corePropsXml, xmlText } from './ooxml.js';
import { zipOf } from './zip-writer.js';
import { pngOfSvg } from './raster.js';

/** Each face with the one a machine without it should use (w:altName in the font table). */
const FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体' },
  heading: { name: '黑体', fallback: '黑体' },
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
  pageNumber: { name: '宋体', fallback: '宋体' },
} as const;
const LATIN = 'Times New Roman';
type Face = (typeof FONTS)[keyof typeof FONTS];

// Sizes in half-points: 二号 22 pt, 小二 18 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt.
// A landscape table of many columns steps down to 小四, so that no number, date or role has to break.
const SIZE = { title: 44, longTitle: 36, subtitle: 32, heading: 32, paragraph: 32, table: 28, wideTable: 24, pageNumber: 28 } as const;

// A4 in twips (1/1440 inch; a millimetre is 56.69 twips).
const MM = 1440 / 25.4;
const A4 = { width: 11906, height: 16838 };
// Top 37 mm and left 28 mm; the type area 156 × 225 mm leaves 26 mm on the right and 35 mm below.
const TOP = Math.round(37 * MM);
const LEFT = Math.round(28 * MM);
const MARGIN = { top: TOP, left: LEFT, right: A4.width - LEFT - Math.round(156 * MM), bottom: A4.height - TOP - Math.round(225 * MM), header: Math.round(15 * MM), footer: Math.round(28 * MM) };
// 22 lines in 225 mm; 28 characters of 3号 in 156 mm (the grid squeezes each a little).
// Rounded down: 22 lines must fit in the type area's height.
const LINE_PITCH = Math.floor((225 * MM) / 22);
const CHAR_PITCH_POINTS = (156 / 28 / 25.4) * 72;
const CHAR_SPACE = Math.round((CHAR_PITCH_POINTS - SIZE.paragraph / 2) * 4096);
const CELL_MARGIN = { top: 40, bottom: 40, left: 80, right: 80 };

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

function runProps(face: Face, size: number, bold = false): string {
  return `<w:rPr><w:rFonts w:ascii="${LATIN}" w:hAnsi="${LATIN}" w:eastAsia="${face.name}" w:cs="${face.name}"/>${bold ? '<w:b/>' : ''}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
}

function run(text: string, props: string): string {
  // Line breaks inside a cell or paragraph become <w:br/>.
  return text
    .split(/\r?\n/)
    .map((line, i) => `${i > 0 ? `<w:r>${props}<w:br/></w:r>` : ''}<w:r>${props}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r>`)
    .join('');
}

function paragraph(text: string, props: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${text ? run(text, props) : ''}</w:p>`;
}

/** A row holding a cell this long may run over a page break (Word would otherwise cut a row taller than a page). */
const LONG_CELL = 300;

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';

function table(block: Extract<ReportBlock, { kind: 'table' }>, usableWidth: number, size: number, keepLastRowsWithNext = false): string {
  // A half-em in twips: the size is in half-points, a point is 20 twips. Cell margins add 160 twips.
  const halfEm = (size / 2) * 10;
  const available = usableWidth / halfEm;
  const widths = fitColumns(wantedColumns(block, (CELL_MARGIN.left + CELL_MARGIN.right) / halfEm + 0.5, available), available).map((w) => Math.floor(w * halfEm));
  const body = runProps(FONTS.body, size);
  const bold = runProps(FONTS.heading, size, true);
  // Cells keep their own line height, not the body's 22-line grid; a kept row stays with the next one.
  const textWidths = widths.map((w) => (w - CELL_MARGIN.left - CELL_MARGIN.right) / halfEm);
  const cell = (value: string | number, i: number, props: string, center: boolean, keep: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>${paragraph(printedCell(value, textWidths[i]!), props, `${keep ? '<w:keepNext/>' : ''}<w:snapToGrid w:val="0"/>${center ? '<w:jc w:val="center"/>' : ''}`)}</w:tc>`;
  const height = block.tall ? '<w:trHeight w:val="680" w:hRule="atLeast"/>' : '';
  const row = (values: (string | number)[], props: string, header = false, keep = false) =>
    `<w:tr><w:trPr>${values.some((v) => String(v).length > LONG_CELL) ? '' : '<w:cantSplit/>'}${height && !header ? height : ''}${header ? '<w:tblHeader/>' : ''}</w:trPr>${values
      .map((v, i) => cell(v, i, props, header || i === 0 || typeof v === 'number', keep))
      .join('')}</w:tr>`;
  const parts = [
    `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>`,
    `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>`,
    `<w:tblCellMar><w:top w:w="${CELL_MARGIN.top}" w:type="dxa"/><w:left w:w="${CELL_MARGIN.left}" w:type="dxa"/><w:bottom w:w="${CELL_MARGIN.bottom}" w:type="dxa"/><w:right w:w="${CELL_MARGIN.right}" w:type="dxa"/></w:tblCellMar></w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    row(block.header, bold, true),
  ];
  // A subtotal never starts a page of its own: the row before it is kept with it. Before a short
  // closing section, the last two rows are kept with it.
  const last = block.rows.length - 1;
  block.rows.forEach((values, r) => parts.push(row(values, body, false, (Boolean(block.footer) && r === last) || (keepLastRowsWithNext && r >= last - 1))));
  if (block.footer) parts.push(row(block.footer, bold, false, keepLastRowsWithNext));
  parts.push('</w:tbl>');
  return parts.join('');
}

/** 四号 (or 小四 when landscape), stepping down to 小四 and 五号 until no code, date, phone or role has to break. */
function tableSize(block: Extract<ReportBlock, { kind: 'table' }>, usableWidth: number, landscape: boolean): number {
  const largest = landscape ? SIZE.wideTable : SIZE.table;
  const sizes = [28, 24, 21].filter((s) => s <= largest).map((halfPoints) => halfPoints / 2);
  // Widths in twips to points for the shared rule; back to half-points for WordprocessingML.
  return fittingSize(block.widths, usableWidth / 20, sizes, (CELL_MARGIN.left + CELL_MARGIN.right) / 20 + 4) * 2;
}

/** 1 mm in EMU, DrawingML's unit. */
const EMU_PER_MM = 36_000;

/** A chart as an inline picture, centred, kept with what follows (its table). */
function chartParagraph(block: Extract<ReportBlock, { kind: 'chart' }>, n: number): string {
  const cx = Math.round(block.widthMm * EMU_PER_MM);
  const cy = Math.round(block.heightMm * EMU_PER_MM);
  const alt = xmlText(block.alt);
  return `<w:p><w:pPr><w:keepNext/><w:jc w:val="center"/><w:spacing w:before="120" w:after="120"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${n}" name="图表 ${n}" descr="${alt}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${n}" name="chart${n}.png" descr="${alt}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdChart${n}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
}

/** A sentence between a heading and its chart or table stays with them (the heading keeps with it). */
function leadsIn(blocks: ReportBlock[], index: number): boolean {
  const next = blocks[index + 1];
  return next?.kind === 'chart' || next?.kind === 'table';
}

function documentXml(doc: ReportDocument): string {
  const pageWidth = doc.landscape ? A4.height : A4.width;
  const usableWidth = pageWidth - MARGIN.left - MARGIN.right;
  const keepTableWithNext = closingShortSection(doc.blocks);
  let charts = 0;
  const blocks = doc.blocks.map((block, index) => {
    switch (block.kind) {
      case 'chart':
        return chartParagraph(block, ++charts);
      case 'heading':
        // A heading never ends a page: it stays with its table or paragraph.
        // A centred heading is a title of its own (the sign-in sheet after the record): 2号 小标宋.
        return block.align === 'center'
          ? paragraph(block.text, runProps(FONTS.title, block.text.length > 20 ? SIZE.longTitle : SIZE.title), '<w:keepNext/><w:keepLines/><w:jc w:val="center"/><w:spacing w:after="120"/>')
          : paragraph(block.text, runProps(FONTS.heading, SIZE.heading), '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>');
      case 'paragraph':
        return block.align === 'center'
          ? paragraph(block.text, runProps(FONTS.body, SIZE.subtitle), '<w:keepNext/><w:jc w:val="center"/><w:spacing w:after="240"/>')
          : paragraph(block.text, runProps(FONTS.body, SIZE.paragraph), `<w:keepLines/>${(index > keepTableWithNext && keepTableWithNext >= 0) || leadsIn(doc.blocks, index) ? '<w:keepNext/>' : ''}<w:ind w:firstLine="640"/>`);
      case 'pageBreak':
        return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
      case 'table':
        // An empty paragraph after each table keeps two tables from merging into one.
        return `${table(block, usableWidth, tableSize(block, usableWidth, doc.landscape), index === keepTableWithNext)}<w:p/>`;
    }
  });
  // A long title (a meeting's name + 会议记录) steps down to 小二 rather than breaking off one character.
  const titleSize = doc.title.length > 20 ? SIZE.longTitle : SIZE.title;
  const size = doc.landscape ? `<w:pgSz w:w="${A4.height}" w:h="${A4.width}" w:orient="landscape"/>` : `<w:pgSz w:w="${A4.width}" w:h="${A4.height}"/>`;
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>`,
    paragraph(doc.title, runProps(FONTS.title, titleSize), '<w:keepNext/><w:jc w:val="center"/><w:spacing w:after="120"/>'),
    paragraph(doc.subtitle, runProps(FONTS.body, SIZE.subtitle), '<w:keepNext/><w:jc w:val="right"/><w:spacing w:after="240"/>'),
    ...blocks,
    `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>${size}`,
    `<w:pgMar w:top="${MARGIN.top}" w:right="${MARGIN.right}" w:bottom="${MARGIN.bottom}" w:left="${MARGIN.left}" w:header="${MARGIN.header}" w:footer="${MARGIN.footer}" w:gutter="0"/>`,
    `<w:docGrid w:type="linesAndChars" w:linePitch="${LINE_PITCH}" w:charSpace="${CHAR_SPACE}"/></w:sectPr>`,
    '</w:body></w:document>',
  ].join('');
}

/** "— 1 —" in 4号 宋体: right on odd pages and left on even ones, a character in from the edge. */
function footerXml(side: 'right' | 'left'): string {
  const props = runProps(FONTS.pageNumber, SIZE.pageNumber);
  const indent = side === 'right' ? `<w:ind w:right="${SIZE.pageNumber * 10}"/>` : `<w:ind w:left="${SIZE.pageNumber * 10}"/>`;
  const field = `<w:r>${props}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${props}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>${props}<w:fldChar w:fldCharType="separate"/></w:r>${run('1', props)}<w:r>${props}<w:fldChar w:fldCharType="end"/></w:r>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ${W_NS}><w:p><w:pPr><w:jc w:val="${side}"/>${indent}</w:pPr>${run('— ', props)}${field}${run(' —', props)}</w:p></w:ftr>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W_NS}><w:docDefaults><w:rPrDefault>${runProps(FONTS.body, SIZE.paragraph)}</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`;

// Odd and even pages have their own footers; the compatibility mode is Word 2013 and later's own.
const SETTINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings ${W_NS}><w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

// The faces by name, each with the common one a machine without it uses instead.
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts ${W_NS}>${Object.values(FONTS)
  .filter((face, i, all) => all.findIndex((f) => f.name === face.name) === i)
  .map((face) => `<w:font w:name="${face.name}">${face.fallback !== face.name ? `<w:altName w:val="${face.fallback}"/>` : ''}<w:charset w:val="86"/><w:family w:val="auto"/></w:font>`)
  .join('')}<w:font w:name="${LATIN}"><w:charset w:val="00"/><w:family w:val="roman"/></w:font></w:fonts>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
function documentRels(charts: number): string {
  const images = Array.from({ length: charts }, (_, i) => `<Relationship Id="rIdChart${i + 1}" Type="${RELS}/image" Target="media/chart${i + 1}.png"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="${RELS}/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="${RELS}/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="${RELS}/fontTable" Target="fontTable.xml"/><Relationship Id="rIdFooterOdd" Type="${RELS}/footer" Target="footer1.xml"/><Relationship Id="rIdFooterEven" Type="${RELS}/footer" Target="footer2.xml"/>${images}</Relationships>`;
}

/** Charts print at about 300 dpi: sharp on paper, a few hundred kilobytes each. */
const CHART_PX_PER_MM = 12;

export async function docxOf(doc: ReportDocument, fontsDir?: string): Promise<Buffer> {
  const charts = doc.blocks.filter((b): b is Extract<ReportBlock, { kind: 'chart' }> => b.kind === 'chart');
  const pngs = await Promise.all(charts.map((chart) => pngOfSvg(chart.svg, chart.widthMm * CHART_PX_PER_MM, fontsDir)));
  return zipOf([
    { name: '[Content_Types].xml', text: CONTENT_TYPES },
    { name: '_rels/.rels', text: ROOT_RELS },
    { name: 'docProps/app.xml', text: APP_XML },
    { name: 'docProps/core.xml', text: corePropsXml(doc.title) },
    { name: 'word/_rels/document.xml.rels', text: documentRels(charts.length) },
    { name: 'word/styles.xml', text: STYLES },
    { name: 'word/settings.xml', text: SETTINGS },
    { name: 'word/fontTable.xml', text: FONT_TABLE },
    { name: 'word/footer1.xml', text: footerXml('right') },
    { name: 'word/footer2.xml', text: footerXml('left') },
    { name: 'word/document.xml', text: documentXml(doc) },
    ...pngs.map((bytes, i) => ({ name: `word/media/chart${i + 1}.png`, bytes })),
  ]);
}
