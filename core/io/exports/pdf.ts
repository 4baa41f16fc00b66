// pdf through pdfkit with embedded CJK faces (subset to the glyphs used), so Chinese renders on a
// machine without Chinese fonts: the body and the title in a serif face (Noto Serif SC, OFL), as
// official documents set them, headings and table headers in a sans face (Noto Sans SC, as 黑体).
// A text the main face cannot show is set in the other; a character neither has is never dropped
// silently: the export lists it. Tables are laid out here: rows never split across pages, the header
// repeats on each page, headings keep with their table, a subtotal stays with its group.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { closingShortSection, fitColumns, fittingSize, printedCell, wantedColumns, type ReportBlock, type ReportDocument } from './document.js';
import { pngOfSvg } from './raster.js';

const require = createRequire(import.meta.url);

/** The face files, inside their packages. */
const FACES = {
  body: ['@expo-google-fonts/noto-serif-sc', '400Regular/NotoSerifSC_400Regular.ttf'],
  title: ['@expo-google-fonts/noto-serif-sc', '700Bold/NotoSerifSC_700Bold.ttf'],
  sans: ['@embedpdf/fonts-sc', 'fonts/NotoSansHans-Regular.otf'],
  bold: ['@embedpdf/fonts-sc', 'fonts/NotoSansHans-Bold.otf'],
} as const;
type Face = keyof typeof FACES;
/** Each face's stand-in for what it lacks. */
const FALLBACK: Record<Face, Face> = { body: 'sans', title: 'bold', sans: 'body', bold: 'title' };

/**
 * The node_modules folder holding the font packages: found from here, unless the desktop shell
 * passes its own (inside its archive).
 */
export function defaultFontsDir(): string {
  const entry = require.resolve('@embedpdf/fonts-sc');
  return entry.slice(0, entry.lastIndexOf(`${path.sep}@embedpdf${path.sep}`));
}

function faceFile(modulesDir: string, face: Face): string {
  const [pkg, file] = FACES[face];
  return path.join(modulesDir, pkg, file);
}

/** Every face's file, for a writer of its own (certificates) to register. */
export function faceFiles(modulesDir = defaultFontsDir()): Record<Face, string> {
  return Object.fromEntries((Object.keys(FACES) as Face[]).map((face) => [face, faceFile(modulesDir, face)])) as Record<Face, string>;
}

/** The sans faces charts are drawn in (as 黑体 headings are), for rasterising their SVG. */
export function chartFontFiles(modulesDir = defaultFontsDir()): string[] {
  return [faceFile(modulesDir, 'sans'), faceFile(modulesDir, 'bold')];
}

interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
// Parsed once per file: a CJK face is 8–15 MB.
const coverage = new Map<string, GlyphCoverage>();
function coverageOf(file: string): GlyphCoverage {
  let font = coverage.get(file);
  if (!font) {
    font = (require('fontkit') as { create(buffer: Buffer): GlyphCoverage }).create(fs.readFileSync(file));
    coverage.set(file, font);
  }
  return font;
}

// GB/T 9704 as in the docx: top 37 mm, left 28 mm, a type area of 156 × 225 mm (in points).
const PT = 72 / 25.4;
const MARGIN = { top: 37 * PT, left: 28 * PT, right: (210 - 28 - 156) * PT, bottom: (297 - 37 - 225) * PT };
// 二号 title, 三号 body and headings, 四号 tables and page numbers; a landscape table of many columns
// steps down to 小四, so that no number, date or role has to break.
const SIZES = { title: 22, subtitle: 16, heading: 16, paragraph: 16, table: 14, wideTable: 12, pageNumber: 14 } as const;
/** 四号, 小四, 五号. */
const TABLE_SIZES = [14, 12, 10.5] as const;
const PAD = 4;

type Pdf = PDFKit.PDFDocument;
type Font = Face;
type RowSize = { heights: number[]; height: number };

/** Lays out one document's blocks on pdfkit's pages. */
class PdfLayout {
  private readonly left = MARGIN.left;
  private readonly usable: number;
  private tableSize: number;
  private readonly largestTableSize: number;

  /** Characters no face has, in the order met: the export says which. */
  readonly missing = new Set<string>();

  constructor(
    private readonly pdf: Pdf,
    landscape: boolean,
    private readonly covers: (face: Face, codePoint: number) => boolean,
    /** Each chart block's picture, rasterised before the layout (it is synchronous). */
    private readonly chartPngs: Map<ReportBlock, Buffer>,
  ) {
    this.usable = pdf.page.width - MARGIN.left - MARGIN.right;
    this.largestTableSize = landscape ? SIZES.wideTable : SIZES.table;
    this.tableSize = this.largestTableSize;
  }

  /** The face to set a text in: the one asked for if it has every character, else its stand-in if that has. */
  private face(text: string, wanted: Face): Face {
    let wantedHasAll = true;
    let fallbackHasAll = true;
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      if (cp < 0x80) continue;
      const inWanted = this.covers(wanted, cp);
      const inFallback = this.covers(FALLBACK[wanted], cp);
      if (!inWanted && !inFallback) this.missing.add(char);
      wantedHasAll &&= inWanted;
      fallbackHasAll &&= inFallback;
    }
    return wantedHasAll || !fallbackHasAll ? wanted : FALLBACK[wanted];
  }

  /** Sets the font for a text and returns the pdf, for a chained text() or heightOfString(). */
  private use(text: string, wanted: Face, size: number): Pdf {
    return this.pdf.font(this.face(text, wanted)).fontSize(size);
  }

  private bottom(): number {
    return this.pdf.page.height - MARGIN.bottom;
  }

  title(doc: ReportDocument): void {
    this.use(doc.title, 'title', doc.title.length > 20 ? 18 : SIZES.title).text(doc.title, this.left, MARGIN.top, { width: this.usable, align: 'center' });
    this.pdf.moveDown(0.4);
    this.use(doc.subtitle, 'body', SIZES.subtitle).text(doc.subtitle, { width: this.usable, align: 'right' });
    this.pdf.moveDown(0.6);
  }

  /** Each cell's text height and the row's height; measured once, used to place and to draw. */
  private measure(values: string[], widths: number[], font: Font, minHeight: number): RowSize {
    const heights = values.map((v, i) => this.use(v, font, this.tableSize).heightOfString(v || ' ', { width: widths[i]! - 2 * PAD }));
    return { heights, height: Math.max(minHeight, Math.max(...heights) + 2 * PAD) };
  }

  private drawRow(values: string[], widths: number[], size: RowSize, options: { font: Font; fill?: string; centerFirst: boolean; clip?: number }): void {
    const pdf = this.pdf;
    let x = this.left;
    const y = pdf.y;
    const { height } = size;
    values.forEach((value, i) => {
      const w = widths[i]!;
      if (options.fill) pdf.rect(x, y, w, height).fill(options.fill);
      pdf.lineWidth(0.5).strokeColor('#000').rect(x, y, w, height).stroke();
      const center = options.font === 'bold' || (options.centerFirst && i === 0);
      this.use(value, options.font, this.tableSize)
        .fillColor('#000')
        .text(value, x + PAD, y + Math.max(PAD, (height - size.heights[i]!) / 2), { width: w - 2 * PAD, align: center ? 'center' : 'left', ...(options.clip ? { height: options.clip, ellipsis: true } : {}) });
      x += w;
    });
    pdf.x = this.left;
    pdf.y = y + height;
  }

  /** The height the blocks from `from` on take: a short closing section the table's last rows stay with. */
  closingHeight(blocks: ReportBlock[], from: number): number {
    let height = 0;
    for (const block of blocks.slice(from)) {
      if (block.kind === 'heading') height += this.use(block.text, 'bold', SIZES.heading).heightOfString(block.text, { width: this.usable }) + 8;
      if (block.kind === 'paragraph') height += this.use(block.text, 'body', SIZES.paragraph).heightOfString(block.text, { width: this.usable, lineGap: 9 }) + 6;
    }
    return height;
  }

  /** A table laid out at its size: column widths, its rows' cells as printed, and every row's height. */
  private tableLayout(block: Extract<ReportBlock, { kind: 'table' }>) {
    // 四号 (or 小四 when landscape), stepping down until no code, date, phone or role has to break.
    this.tableSize = fittingSize(block.widths, this.usable, TABLE_SIZES.filter((s) => s <= this.largestTableSize), 2 * PAD);
    // A half-em is half the font size; cell padding is added to each column's need.
    const halfEm = this.tableSize / 2;
    const available = this.usable / halfEm;
    const widths = fitColumns(wantedColumns(block, (2 * PAD) / halfEm, available), available).map((w) => w * halfEm);
    const minHeight = block.tall ? 30 : 0;
    const headerSize = this.measure(block.header, widths, 'bold', 0);
    const cells = (r: (string | number)[]) => r.map((v, i) => printedCell(v, (widths[i]! - 2 * PAD) / halfEm));
    const rows = [...block.rows.map((r) => ({ r: cells(r), bold: false })), ...(block.footer ? [{ r: cells(block.footer), bold: true }] : [])];
    const sizes = rows.map(({ r, bold }) => this.measure(r, widths, bold ? 'bold' : 'body', minHeight));
    return { widths, headerSize, rows, sizes };
  }

  /** The header and the first row (with a subtotal that keeps with it): what never starts a table at a page's foot. */
  private tableStart(block: Extract<ReportBlock, { kind: 'table' }>): number {
    const { headerSize, sizes } = this.tableLayout(block);
    const first = sizes.length === 2 && block.footer ? sizes[0]!.height + sizes[1]!.height : (sizes[0]?.height ?? 0);
    // A row taller than a page is cut to one page (see table()).
    return headerSize.height + Math.min(first, this.bottom() - MARGIN.top - headerSize.height - 2);
  }

  table(block: Extract<ReportBlock, { kind: 'table' }>, keepWithNext = 0): void {
    const start = this.tableStart(block);
    // Never a header alone at a page's foot (unless even a fresh page could not hold its first row).
    // (Not when only a heading stands above it: a row cut to the page fits under it.)
    if (this.pdf.y + start > this.bottom() && this.pdf.y > MARGIN.top + 60) this.pdf.addPage();
    const { widths, headerSize, rows, sizes } = this.tableLayout(block);
    const drawHeader = () => this.drawRow(block.header, widths, headerSize, { font: 'bold', fill: '#e8eef7', centerFirst: true });
    drawHeader();
    // A row taller than a page (a summary of thousands of characters) is cut at the page's foot with "…",
    // never scattered over pages: the full text stays in the docx and xlsx.
    const capacity = this.bottom() - MARGIN.top - headerSize.height - 2;
    rows.forEach(({ r, bold }, i) => {
      const measured = sizes[i]!;
      // Cut to what is left of the page it starts (the first row under a heading) or of a fresh page.
      const room = i === 0 ? Math.min(capacity, this.bottom() - this.pdf.y - 2) : capacity;
      const clip = measured.height > room ? room - 2 * PAD : undefined;
      const size = clip ? { heights: measured.heights.map((h) => Math.min(h, clip)), height: room } : measured;
      // A subtotal never starts a page alone: the last row of its group goes over with it. Before a
      // short closing section, the last two rows go over with that section.
      const keptWithNext = block.footer && i === rows.length - 2 ? sizes[i + 1]!.height : 0;
      const closing = keepWithNext > 0 && i === Math.max(0, rows.length - 2) ? sizes.slice(i + 1).reduce((sum, s) => sum + s.height, 0) + keepWithNext : 0;
      // (What keeps with a row is asked for only when the two can share a page at all.)
      const kept = Math.max(keptWithNext, closing);
      const need = size.height + (size.height + kept <= capacity ? kept : 0);
      if (this.pdf.y + need > this.bottom() && i > 0) {
        this.pdf.addPage();
        drawHeader();
      }
      this.drawRow(r, widths, size, { font: bold ? 'bold' : 'body', centerFirst: true, clip });
    });
    this.pdf.moveDown(0.8);
  }

  /**
   * What must stand under a heading on its page: the sentences that lead into its table or chart, and
   * the chart whole or the table's header and first row. Never more than most of a page.
   */
  private leadHeight(following: ReportBlock[]): number {
    let height = 0;
    for (const next of following) {
      if (next.kind === 'paragraph') height += this.use(next.text, 'body', SIZES.paragraph).heightOfString(next.text, { width: this.usable, lineGap: 9 }) + 6;
      else {
        height += next.kind === 'chart' ? next.heightMm * PT + 60 : next.kind === 'table' ? this.tableStart(next) : 0;
        break;
      }
    }
    return Math.min(height, (this.bottom() - MARGIN.top) * 0.8);
  }

  block(block: ReportBlock, keepWithNext = 0, following: ReportBlock[] = []): void {
    const pdf = this.pdf;
    switch (block.kind) {
      case 'heading':
        // A heading never ends a page: it keeps with its lead sentences and its chart or its table's first row.
        if (pdf.y + 24 + this.leadHeight(following) > this.bottom()) pdf.addPage();
        if (block.align === 'center') this.use(block.text, 'title', block.text.length > 20 ? 18 : SIZES.title).text(block.text, this.left, pdf.y, { width: this.usable, align: 'center' });
        else this.use(block.text, 'bold', SIZES.heading).text(block.text, this.left, pdf.y, { width: this.usable });
        pdf.moveDown(0.3);
        break;
      case 'paragraph':
        this.use(block.text, 'body', SIZES.paragraph).text(block.text, this.left, pdf.y, { width: this.usable, lineGap: 9, align: block.align ?? 'left', indent: block.align ? 0 : 2 * SIZES.paragraph });
        pdf.moveDown(0.3);
        break;
      case 'pageBreak':
        pdf.addPage();
        break;
      case 'chart': {
        const width = block.widthMm * PT;
        const height = block.heightMm * PT;
        // A chart keeps with the table under it: start a page when the chart and a few rows do not fit.
        if (pdf.y + height + 60 > this.bottom()) pdf.addPage();
        pdf.image(this.chartPngs.get(block)!, this.left + (this.usable - width) / 2, pdf.y, { width, height });
        pdf.y += height + 8;
        break;
      }
      case 'table':
        this.table(block, keepWithNext);
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
      // Right on odd pages, left on even ones, a character in from the edge of the type area.
      const odd = (i - range.start) % 2 === 0;
      pdf.font('body').fontSize(SIZES.pageNumber).text(`— ${i - range.start + 1} —`, this.left + (odd ? 0 : SIZES.pageNumber), pdf.page.height - MARGIN.bottom + 24, { width: this.usable - SIZES.pageNumber, align: odd ? 'right' : 'left', lineBreak: false });
      pdf.page.margins.bottom = MARGIN.bottom;
    }
  }
}

/** The pdf, and the characters no embedded face has (shown as empty boxes; the clerk is told). */
export async function pdfOf(doc: ReportDocument, fontsDir = defaultFontsDir()): Promise<{ bytes: Buffer; missing: string[] }> {
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
  const files = Object.fromEntries((Object.keys(FACES) as Face[]).map((face) => [face, faceFile(fontsDir, face)])) as Record<Face, string>;
  for (const face of Object.keys(FACES) as Face[]) pdf.registerFont(face, fs.readFileSync(files[face]));
  const chartPngs = new Map(await Promise.all(doc.blocks.filter((b) => b.kind === 'chart').map(async (b) => [b, await pngOfSvg(b.svg, b.widthMm * 12, fontsDir)] as const)));
  const layout = new PdfLayout(pdf, doc.landscape, (face, codePoint) => coverageOf(files[face]).hasGlyphForCodePoint(codePoint), chartPngs);
  layout.title(doc);
  const keepTable = closingShortSection(doc.blocks);
  doc.blocks.forEach((block, i) => layout.block(block, i === keepTable ? layout.closingHeight(doc.blocks, i + 1) : 0, doc.blocks.slice(i + 1, i + 4)));
  layout.pageNumbers();
  pdf.end();
  await done;
  return { bytes: Buffer.concat(chunks), missing: [...layout.missing] };
}
