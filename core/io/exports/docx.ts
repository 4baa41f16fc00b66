// docx in official-document style (GB/T 9704 in spirit): A4, title in 方正小标宋简体, headings in 黑体,
// body in 仿宋, page numbers as "— 1 —". Fonts are set by name only: Word and WPS substitute what a
// machine lacks. Tables repeat their header row on every page and rows never split.
// WordprocessingML is written directly as text: the `docx` library built a 10,000-row roster in 12 s,
// most of it garbage collection; this writer takes a fraction of a second.
import { fitColumns, type ReportBlock, type ReportDocument } from './document.js';
import { APP_XML, corePropsXml, xmlText } from './ooxml.js';
import { zipOf } from './zip-writer.js';

const FONTS = {
  title: '方正小标宋简体',
  heading: '黑体',
  body: '仿宋',
  latin: 'Times New Roman',
} as const;

// Sizes in half-points: 二号 22 pt, 小二 18 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt.
const SIZE = { title: 44, longTitle: 36, subtitle: 24, heading: 28, paragraph: 28, table: 21, wideTable: 18 } as const;

// A4 in twips (1/1440 inch).
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1300, left: 1300, right: 1200, header: 720, footer: 720 };
const CELL_MARGIN = { top: 40, bottom: 40, left: 80, right: 80 };

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function runProps(font: string, size: number, bold = false): string {
  return `<w:rPr><w:rFonts w:ascii="${FONTS.latin}" w:hAnsi="${FONTS.latin}" w:eastAsia="${font}" w:cs="${font}"/>${bold ? '<w:b/>' : ''}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
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

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';

function table(block: Extract<ReportBlock, { kind: 'table' }>, usableWidth: number, size: number): string {
  // A half-em in twips: the size is in half-points, a point is 20 twips. Cell margins add 160 twips.
  const halfEm = (size / 2) * 10;
  const widths = fitColumns(
    block.widths.map((w) => w + (CELL_MARGIN.left + CELL_MARGIN.right) / halfEm + 0.5),
    usableWidth / halfEm,
  ).map((w) => Math.floor(w * halfEm));
  const body = runProps(FONTS.body, size);
  const bold = runProps(FONTS.heading, size, true);
  const cell = (value: string | number, i: number, props: string, center: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>${paragraph(String(value), props, center ? '<w:jc w:val="center"/>' : '')}</w:tc>`;
  const height = block.tall ? '<w:trHeight w:val="680" w:hRule="atLeast"/>' : '';
  const row = (values: (string | number)[], props: string, header = false) =>
    `<w:tr><w:trPr><w:cantSplit/>${height && !header ? height : ''}${header ? '<w:tblHeader/>' : ''}</w:trPr>${values
      .map((v, i) => cell(v, i, props, header || i === 0 || typeof v === 'number'))
      .join('')}</w:tr>`;
  const parts = [
    `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>`,
    `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>`,
    `<w:tblCellMar><w:top w:w="${CELL_MARGIN.top}" w:type="dxa"/><w:left w:w="${CELL_MARGIN.left}" w:type="dxa"/><w:bottom w:w="${CELL_MARGIN.bottom}" w:type="dxa"/><w:right w:w="${CELL_MARGIN.right}" w:type="dxa"/></w:tblCellMar></w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    row(block.header, bold, true),
  ];
  for (const values of block.rows) parts.push(row(values, body));
  if (block.footer) parts.push(row(block.footer, bold));
  parts.push('</w:tbl>');
  return parts.join('');
}

function documentXml(doc: ReportDocument): string {
  const pageWidth = doc.landscape ? A4.height : A4.width;
  const usableWidth = pageWidth - MARGIN.left - MARGIN.right;
  const tableSize = doc.landscape ? SIZE.wideTable : SIZE.table;
  const blocks = doc.blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return paragraph(block.text, runProps(FONTS.heading, SIZE.heading), '<w:keepNext/><w:spacing w:before="240" w:after="120"/>');
      case 'paragraph':
        return paragraph(block.text, runProps(FONTS.body, SIZE.paragraph), '<w:spacing w:after="80" w:line="440" w:lineRule="auto"/>');
      case 'pageBreak':
        return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
      case 'table':
        // An empty paragraph after each table keeps two tables from merging into one.
        return `${table(block, usableWidth, tableSize)}<w:p/>`;
    }
  });
  // A long title (a meeting's name + 会议记录) steps down to 小二 rather than breaking off one character.
  const titleSize = doc.title.length > 20 ? SIZE.longTitle : SIZE.title;
  const size = doc.landscape ? `<w:pgSz w:w="${A4.height}" w:h="${A4.width}" w:orient="landscape"/>` : `<w:pgSz w:w="${A4.width}" w:h="${A4.height}"/>`;
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>`,
    paragraph(doc.title, runProps(FONTS.title, titleSize), '<w:jc w:val="center"/><w:spacing w:after="120"/>'),
    paragraph(doc.subtitle, runProps(FONTS.body, SIZE.subtitle), '<w:jc w:val="right"/><w:spacing w:after="240"/>'),
    ...blocks,
    `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>${size}`,
    `<w:pgMar w:top="${MARGIN.top}" w:right="${MARGIN.right}" w:bottom="${MARGIN.bottom}" w:left="${MARGIN.left}" w:header="${MARGIN.header}" w:footer="${MARGIN.footer}" w:gutter="0"/></w:sectPr>`,
    '</w:body></w:document>',
  ].join('');
}

const FOOTER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ${W_NS}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run('— ', runProps(FONTS.body, SIZE.subtitle))}<w:r>${runProps(FONTS.body, SIZE.subtitle)}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${runProps(FONTS.body, SIZE.subtitle)}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>${runProps(FONTS.body, SIZE.subtitle)}<w:fldChar w:fldCharType="separate"/></w:r>${run('1', runProps(FONTS.body, SIZE.subtitle))}<w:r>${runProps(FONTS.body, SIZE.subtitle)}<w:fldChar w:fldCharType="end"/></w:r>${run(' —', runProps(FONTS.body, SIZE.subtitle))}</w:p></w:ftr>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W_NS}><w:docDefaults><w:rPrDefault>${runProps(FONTS.body, SIZE.paragraph)}</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`;

export async function docxOf(doc: ReportDocument): Promise<Buffer> {
  return zipOf([
    { name: '[Content_Types].xml', text: CONTENT_TYPES },
    { name: '_rels/.rels', text: ROOT_RELS },
    { name: 'docProps/app.xml', text: APP_XML },
    { name: 'docProps/core.xml', text: corePropsXml(doc.title) },
    { name: 'word/_rels/document.xml.rels', text: DOCUMENT_RELS },
    { name: 'word/styles.xml', text: STYLES },
    { name: 'word/footer1.xml', text: FOOTER },
    { name: 'word/document.xml', text: documentXml(doc) },
  ]);
}
