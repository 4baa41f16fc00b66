// pdf through pdfkit with an embedded CJK font (Noto Sans SC, subset to the glyphs used), so Chinese
// renders on a machine without Chinese fonts. Tables are laid out here: rows never split across
// pages, the header repeats on each page, headings keep with their table.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fitColumns, type ReportBlock, type ReportDocument } from './document.js';

const REGULAR = 'NotoSansHans-Regular.otf';
const BOLD = 'NotoSansHans-Bold.otf';

/** The folder of the bundled font files, found through node_modules (the desktop shell passes its own). */
export function defaultFontsDir(): string {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  return path.join(path.dirname(entry), '..', 'fonts');
}

const MARGIN = { top: 50, bottom: 50, left: 48, right: 48 };
const PAD = 4;

type Pdf = PDFKit.PDFDocument;
type Font = 'body' | 'bold';
type RowSize = { heights: number[]; height: number };

/** Lays out one document's blocks on pdfkit's pages. */
class PdfLayout {
  private readonly left = MARGIN.left;
  private readonly usable: number;
  private readonly tableSize: number;

  constructor(
    private readonly pdf: Pdf,
    landscape: boolean,
  ) {
    this.usable = pdf.page.width - MARGIN.left - MARGIN.right;
    this.tableSize = landscape ? 9 : 10;
  }

  private bottom(): number {
    return this.pdf.page.height - MARGIN.bottom;
  }

  title(doc: ReportDocument): void {
    this.pdf.font('bold').fontSize(18).text(doc.title, this.left, MARGIN.top, { width: this.usable, align: 'center' });
    this.pdf.moveDown(0.4);
    this.pdf.font('body').fontSize(10).text(doc.subtitle, { width: this.usable, align: 'right' });
    this.pdf.moveDown(0.6);
  }

  /** Each cell's text height and the row's height; measured once, used to place and to draw. */
  private measure(values: string[], widths: number[], font: Font, minHeight: number): RowSize {
    this.pdf.font(font).fontSize(this.tableSize);
    const heights = values.map((v, i) => this.pdf.heightOfString(v || ' ', { width: widths[i]! - 2 * PAD }));
    return { heights, height: Math.max(minHeight, Math.max(...heights) + 2 * PAD) };
  }

  private drawRow(values: string[], widths: number[], size: RowSize, options: { font: Font; fill?: string; centerFirst: boolean }): void {
    const pdf = this.pdf;
    let x = this.left;
    const y = pdf.y;
    const { height } = size;
    pdf.font(options.font).fontSize(this.tableSize);
    values.forEach((value, i) => {
      const w = widths[i]!;
      if (options.fill) pdf.rect(x, y, w, height).fill(options.fill);
      pdf.lineWidth(0.5).strokeColor('#000').rect(x, y, w, height).stroke();
      const center = options.font === 'bold' || (options.centerFirst && i === 0);
      pdf.fillColor('#000').text(value, x + PAD, y + Math.max(PAD, (height - size.heights[i]!) / 2), { width: w - 2 * PAD, align: center ? 'center' : 'left' });
      x += w;
    });
    pdf.x = this.left;
    pdf.y = y + height;
  }

  table(block: Extract<ReportBlock, { kind: 'table' }>): void {
    // A half-em is half the font size; cell padding is added to each column's need.
    const halfEm = this.tableSize / 2;
    const widths = fitColumns(
      block.widths.map((w) => w + (2 * PAD) / halfEm),
      this.usable / halfEm,
    ).map((w) => w * halfEm);
    const minHeight = block.tall ? 30 : 0;
    const headerSize = this.measure(block.header, widths, 'bold', 0);
    const drawHeader = () => this.drawRow(block.header, widths, headerSize, { font: 'bold', fill: '#e8eef7', centerFirst: true });
    drawHeader();
    const rows = [...block.rows.map((r) => ({ r, bold: false })), ...(block.footer ? [{ r: block.footer, bold: true }] : [])];
    const sizes = rows.map(({ r, bold }) => this.measure(r.map(String), widths, bold ? 'bold' : 'body', minHeight));
    rows.forEach(({ r, bold }, i) => {
      const size = sizes[i]!;
      // A subtotal never starts a page alone: the last row of its group goes over with it.
      const keptWithNext = block.footer && i === rows.length - 2 ? sizes[i + 1]!.height : 0;
      if (this.pdf.y + size.height + keptWithNext > this.bottom()) {
        this.pdf.addPage();
        drawHeader();
      }
      this.drawRow(r.map(String), widths, size, { font: bold ? 'bold' : 'body', centerFirst: true });
    });
    this.pdf.moveDown(0.8);
  }

  block(block: ReportBlock): void {
    const pdf = this.pdf;
    switch (block.kind) {
      case 'heading':
        // Keep a heading with its table's header and first row.
        if (pdf.y + 70 > this.bottom()) pdf.addPage();
        if (block.align === 'center') pdf.font('bold').fontSize(18).text(block.text, this.left, pdf.y, { width: this.usable, align: 'center' });
        else pdf.font('bold').fontSize(13).text(block.text, this.left, pdf.y, { width: this.usable });
        pdf.moveDown(0.3);
        break;
      case 'paragraph':
        pdf.font('body').fontSize(11).text(block.text, this.left, pdf.y, { width: this.usable, lineGap: 3, align: block.align ?? 'left' });
        pdf.moveDown(0.3);
        break;
      case 'pageBreak':
        pdf.addPage();
        break;
      case 'table':
        this.table(block);
        break;
    }
  }

  /** Page numbers in the bottom margin; the margin is lifted while writing so pdfkit does not start a page. */
  pageNumbers(): void {
    const pdf = this.pdf;
    const range = pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      pdf.switchToPage(i);
      pdf.page.margins.bottom = 0;
      pdf.font('body').fontSize(9).text(`— ${i + 1} —`, this.left, pdf.page.height - MARGIN.bottom + 18, { width: this.usable, align: 'center', lineBreak: false });
      pdf.page.margins.bottom = MARGIN.bottom;
    }
  }
}

export async function pdfOf(doc: ReportDocument, fontsDir = defaultFontsDir()): Promise<Buffer> {
  // Loaded on first export: pdfkit and its font engine are large.
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument({
    size: 'A4',
    layout: doc.landscape ? 'landscape' : 'portrait',
    margins: MARGIN,
    bufferPages: true,
    info: { Title: doc.title, Creator: '产教联合体秘书处工作台' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  pdf.registerFont('body', fs.readFileSync(path.join(fontsDir, REGULAR)));
  pdf.registerFont('bold', fs.readFileSync(path.join(fontsDir, BOLD)));
  const layout = new PdfLayout(pdf, doc.landscape);
  layout.title(doc);
  for (const block of doc.blocks) layout.block(block);
  layout.pageNumbers();
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}
