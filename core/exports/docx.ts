// docx in official-document style (GB/T 9704 in spirit): A4, title in 方正小标宋简体, headings in 黑体,
// body in 仿宋, page numbers as "— 1 —". Fonts are set by name only: Word and WPS substitute what a
// machine lacks, and a clerk's machine usually has them. Tables repeat their header on every page.
import type { IRunOptions, ITableCellOptions } from 'docx';
import { fitColumns, type ReportBlock, type ReportDocument } from './document.js';

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
const MARGIN = { top: 1440, bottom: 1300, left: 1300, right: 1200 };

function font(name: string): IRunOptions['font'] {
  return { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: name, cs: name };
}

export async function docxOf(doc: ReportDocument): Promise<Buffer> {
  // Loaded on first export: docx is large and most sessions never export.
  const d = await import('docx');
  const usableWidth = (doc.landscape ? A4.height : A4.width) - MARGIN.left - MARGIN.right;
  const tableSize = doc.landscape ? SIZE.wideTable : SIZE.table;
  const run = (text: string, options: Partial<IRunOptions> = {}) => new d.TextRun({ text, font: font(FONTS.body), size: tableSize, ...options });
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

  const cell = (value: string | number, width: number, options: { bold?: boolean; center?: boolean; tall?: boolean } = {}) => {
    const cellOptions: ITableCellOptions = {
      width: { size: width, type: d.WidthType.DXA },
      verticalAlign: d.VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new d.Paragraph({
          alignment: options.center ? d.AlignmentType.CENTER : d.AlignmentType.LEFT,
          children: [run(String(value), { bold: options.bold, font: font(options.bold ? FONTS.heading : FONTS.body) })],
        }),
      ],
    };
    return new d.TableCell(cellOptions);
  };

  const table = (block: Extract<ReportBlock, { kind: 'table' }>) => {
    // A half-em in twips: the size is in half-points, a point is 20 twips. Cell margins add 160 twips.
    const halfEm = (tableSize / 2) * 10;
    const widths = fitColumns(
      block.widths.map((w) => w + 160 / halfEm + 0.5),
      usableWidth / halfEm,
    ).map((w) => Math.floor(w * halfEm));
    const rowHeight = block.tall ? { value: 680, rule: d.HeightRule.ATLEAST } : undefined;
    const bodyRow = (values: (string | number)[], bold = false) =>
      new d.TableRow({
        cantSplit: true,
        height: rowHeight,
        children: values.map((v, i) => cell(v, widths[i]!, { bold, center: i === 0 || typeof v === 'number' })),
      });
    return new d.Table({
      width: { size: usableWidth, type: d.WidthType.DXA },
      columnWidths: widths,
      layout: d.TableLayoutType.FIXED,
      borders,
      rows: [
        new d.TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((h, i) => cell(h, widths[i]!, { bold: true, center: true })) }),
        ...block.rows.map((r) => bodyRow(r)),
        ...(block.footer ? [bodyRow(block.footer, true)] : []),
      ],
    });
  };

  const children = [
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { after: 120 },
      // A long title (a meeting's name + 会议记录) steps down to 小二 rather than breaking off one character.
      children: [new d.TextRun({ text: doc.title, font: font(FONTS.title), size: doc.title.length > 20 ? SIZE.longTitle : SIZE.title })],
    }),
    new d.Paragraph({
      alignment: d.AlignmentType.RIGHT,
      spacing: { after: 240 },
      children: [new d.TextRun({ text: doc.subtitle, font: font(FONTS.body), size: SIZE.subtitle })],
    }),
    ...doc.blocks.map((block) => {
      switch (block.kind) {
        case 'heading':
          return new d.Paragraph({
            keepNext: true,
            spacing: { before: 240, after: 120 },
            children: [new d.TextRun({ text: block.text, font: font(FONTS.heading), size: SIZE.heading })],
          });
        case 'paragraph':
          return new d.Paragraph({
            spacing: { after: 80, line: 440 },
            children: [new d.TextRun({ text: block.text, font: font(FONTS.body), size: SIZE.paragraph })],
          });
        case 'pageBreak':
          return new d.Paragraph({ children: [new d.PageBreak()] });
        case 'table':
          return table(block);
      }
    }),
  ];

  const document = new d.Document({
    creator: '产教联合体秘书处工作台',
    title: doc.title,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.paragraph } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: doc.landscape ? d.PageOrientation.LANDSCAPE : d.PageOrientation.PORTRAIT },
            margin: MARGIN,
          },
        },
        footers: {
          default: new d.Footer({
            children: [
              new d.Paragraph({
                alignment: d.AlignmentType.CENTER,
                children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'], font: font(FONTS.body), size: SIZE.subtitle })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return d.Packer.toBuffer(document);
}
