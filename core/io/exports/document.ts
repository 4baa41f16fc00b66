// A report as a printed document: what docx, pdf and the in-app print preview all render, so the
// three show the same thing. Tables come from the same ReportTable that xlsx and csv write.
import { displayWidth } from './cells.js';
import type { ReportTable } from './table.js';

export type ReportBlock =
  | { kind: 'heading'; text: string; align?: 'center' }
  | { kind: 'paragraph'; text: string; align?: 'center' }
  /** Starts a new page (the sign-in sheet after the meeting record). */
  | { kind: 'pageBreak' }
  /** A chart drawn as SVG (ECharts' server-side rendering), set centred at this size; writers rasterise it where they must. */
  | { kind: 'chart'; svg: string; widthMm: number; heightMm: number; alt: string }
  | {
      kind: 'table';
      header: string[];
      /** Wanted column widths in half-ems (a Chinese character is 2); writers shrink with fitColumns. */
      widths: number[];
      rows: (string | number)[][];
      /** A bold closing row, e.g. a subtotal. */
      footer?: (string | number)[];
      /** Taller rows with room to sign by hand (the sign-in sheet). */
      tall?: boolean;
      /** Columns of codes, dates, phones and short names that should not wrap (the print preview lays out itself). */
      keepWhole?: boolean[];
    };

export interface ReportDocument {
  title: string;
  subtitle: string;
  landscape: boolean;
  blocks: ReportBlock[];
}

/** A grouped table as a document: each group's heading, then its own table with the header repeated. */
export function documentOfTable(table: ReportTable, options: { tall?: boolean } = {}): ReportDocument {
  return { title: table.title, subtitle: table.subtitle, landscape: Boolean(table.landscape), blocks: tableBlocks(table, options) };
}

/** Width in half-ems as printed: Latin letters and digits are a little wider than half a CJK character. */
function printedWidth(text: string): number {
  const wide = displayWidth(text) - text.length;
  return wide * 2 + (text.length - wide) * 1.15;
}

/** Longest line a column would need, capped: free text wraps, short codes and dates should not. */
function wantedWidths(header: string[], rows: (string | number)[][]): number[] {
  return header.map((h, i) => {
    // A heading may take two lines (签约/代表): a column is as wide as its cells need, not its heading.
    const longest = Math.max(Math.ceil(printedWidth(h) / 4) * 2, ...rows.map((r) => printedWidth(String(r[i] ?? ''))));
    return Math.min(FREE_TEXT_WIDTH, Math.max(4, Math.ceil(longest) + 1));
  });
}

const FREE_TEXT_WIDTH = 36;
/** Columns wanting at most this much hold codes, dates, phones and names: they keep their width. */
const FIXED_WIDTH = 20;
/**
 * The least of a line free text keeps when codes, dates, phones and roles take the rest: a fifth.
 * Names then wrap onto a second line, which is how office rosters look; a phone never does.
 */
const FREE_TEXT_SHARE = 1 / 5;

/**
 * Widths that fill `available` half-ems. When the wanted widths do not fit, short columns (codes,
 * dates, phones) keep theirs as long as free-text columns still get a fifth of the line; free text wraps.
 */
export function fitColumns(widths: number[], available: number): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= available) return widths.map((w) => (w / total) * available);
  const fixed = widths.map((w) => w <= FIXED_WIDTH);
  const fixedTotal = widths.reduce((sum, w, i) => sum + (fixed[i] ? w : 0), 0);
  const flexibleTotal = total - fixedTotal;
  if (flexibleTotal === 0) return widths.map((w) => (w / total) * available);
  const flexibleShare = Math.max(available - fixedTotal, Math.min(flexibleTotal, available * FREE_TEXT_SHARE));
  const fixedScale = (available - flexibleShare) / fixedTotal;
  return widths.map((w, i) => (fixed[i] ? w * fixedScale : (w / flexibleTotal) * flexibleShare));
}

/**
 * The largest of the sizes (in points, largest first) at which a table's codes, dates, phones and
 * roles keep their whole width while free text still gets a fifth of the line: offices set tables
 * in 四号 and step down to 小四 or 五号 rather than break a number. `usable` is the line in points;
 * `padding` what each cell adds, in points.
 */
export function fittingSize(widths: number[], usable: number, sizes: readonly number[], padding: number): number {
  for (const size of sizes) {
    const halfEm = size / 2;
    const wanted = widths.map((w) => w + padding / halfEm);
    const available = usable / halfEm;
    const fixed = wanted.reduce((sum, w, i) => sum + (widths[i]! <= FIXED_WIDTH ? w : 0), 0);
    const flexible = wanted.reduce((sum, w) => sum + w, 0) - fixed;
    if (fixed + Math.min(flexible, available * FREE_TEXT_SHARE) <= available) return size;
  }
  return sizes[sizes.length - 1]!;
}

export function tableBlocks(table: Pick<ReportTable, 'header' | 'sections'>, options: { tall?: boolean } = {}): ReportBlock[] {
  const allRows = table.sections.flatMap((s) => [...s.rows, ...(s.footer ? [s.footer] : [])]);
  const widths = wantedWidths(table.header, allRows);
  return table.sections.flatMap((section): ReportBlock[] => [
    ...(section.heading ? [{ kind: 'heading' as const, text: section.heading }] : []),
    {
      kind: 'table',
      header: table.header,
      widths,
      rows: section.rows,
      // A closing row spans the table like any other: every cell bordered, however few it fills.
      footer: section.footer && [...section.footer, ...Array<string>(Math.max(0, table.header.length - section.footer.length)).fill('')],
      tall: options.tall,
      keepWhole: widths.map((w) => w <= FIXED_WIDTH),
    },
  ]);
}

/**
 * Blocks that end the document and are short (a heading and a few paragraphs, the minutes of a
 * meeting) would sit alone on a nearly empty page when they just miss the previous one: the rows
 * before them are kept with them instead.
 */
export function closingShortSection(blocks: ReportBlock[]): number {
  let start = blocks.length;
  while (start > 0 && blocks[start - 1]!.kind !== 'table' && blocks[start - 1]!.kind !== 'pageBreak') start--;
  const closing = blocks.slice(start);
  const short = closing.length > 0 && closing.length <= 4 && closing.every((b) => b.kind === 'heading' || (b.kind === 'paragraph' && b.text.length <= 140));
  return short && start > 0 && blocks[start - 1]!.kind === 'table' ? start - 1 : -1;
}
