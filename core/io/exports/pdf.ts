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

  const left = MARGIN.left;
  const usable = pdf.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => pdf.page.height - MARGIN.bottom;
  const tableSize = doc.landscape ? 9 : 10;

  pdf.font('bold').fontSize(18).text(doc.title, left, MARGIN.top, { width: usable, align: 'center' });
  pdf.moveDown(0.4);
  pdf.font('body').fontSize(10).text(doc.subtitle, { width: usable, align: 'right' });
  pdf.moveDown(0.6);

  /** Each cell's text height and the row's height; measured once, used to place and to draw. */
  const measure = (values: string[], widths: number[], font: 'body' | 'bold', minHeight: number) => {
    pdf.font(font).fontSize(tableSize);
    const heights = values.map((v, i) => pdf.heightOfString(v || ' ', { width: widths[i]! - 2 * PAD }));
    return { heights, height: Math.max(minHeight, Math.max(...heights) + 2 * PAD) };
  };

  const drawRow = (values: string[], widths: number[], size: { heights: number[]; height: number }, options: { font: 'body' | 'bold'; fill?: string; centerFirst: boolean }) => {
    let x = left;
    const y = pdf.y;
    const { height } = size;
    pdf.font(options.font).fontSize(tableSize);
    values.forEach((value, i) => {
      const w = widths[i]!;
      if (options.fill) pdf.rect(x, y, w, height).fill(options.fill);
      pdf.lineWidth(0.5).strokeColor('#000').rect(x, y, w, height).stroke();
      const center = options.font === 'bold' || (options.centerFirst && i === 0);
      pdf.fillColor('#000').text(value, x + PAD, y + Math.max(PAD, (height - size.heights[i]!) / 2), { width: w - 2 * PAD, align: center ? 'center' : 'left' });
      x += w;
    });
    pdf.x = left;
    pdf.y = y + height;
  };

  const table = (block: Extract<ReportBlock, { kind: 'table' }>) => {
    // A half-em is half the font size; cell padding is added to each column's need.
    const halfEm = tableSize / 2;
    const widths = fitColumns(
      block.widths.map((w) => w + (2 * PAD) / halfEm),
      usable / halfEm,
    ).map((w) => w * halfEm);
    const minHeight = block.tall ? 30 : 0;
    const header = block.header;
    const headerSize = measure(header, widths, 'bold', 0);
    const drawHeader = () => drawRow(header, widths, headerSize, { font: 'bold', fill: '#e8eef7', centerFirst: true });
    drawHeader();
    const rows = [...block.rows.map((r) => ({ r, bold: false })), ...(block.footer ? [{ r: block.footer, bold: true }] : [])];
    for (const { r, bold } of rows) {
      const values = r.map(String);
      const size = measure(values, widths, bold ? 'bold' : 'body', minHeight);
      if (pdf.y + size.height > bottom()) {
        pdf.addPage();
        drawHeader();
      }
      drawRow(values, widths, size, { font: bold ? 'bold' : 'body', centerFirst: true });
    }
    pdf.moveDown(0.8);
  };

  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        // Keep a heading with its table's header and first row.
        if (pdf.y + 70 > bottom()) pdf.addPage();
        pdf.font('bold').fontSize(13).text(block.text, left, pdf.y, { width: usable });
        pdf.moveDown(0.3);
        break;
      case 'paragraph':
        pdf.font('body').fontSize(11).text(block.text, left, pdf.y, { width: usable, lineGap: 3 });
        pdf.moveDown(0.3);
        break;
      case 'pageBreak':
        pdf.addPage();
        break;
      case 'table':
        table(block);
        break;
    }
  }

  // Page numbers in the bottom margin; the margin is lifted while writing so pdfkit does not start a page.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    pdf.switchToPage(i);
    pdf.page.margins.bottom = 0;
    pdf.font('body').fontSize(9).text(`— ${i + 1} —`, left, pdf.page.height - MARGIN.bottom + 18, { width: usable, align: 'center', lineBreak: false });
    pdf.page.margins.bottom = MARGIN.bottom;
  }
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}
