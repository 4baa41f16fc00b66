// A report as a printed document: what docx, pdf and the in-app print preview all render, so the
// three show the same thing. Tables come from the same ReportTable that xlsx and csv write.
import { chineseDate } from '../../records/dates.js';
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
      /** Wanted column widths in half-ems (a Chinese character is 2), dates on two lines; writers shrink with fitColumns. */
      widths: number[];
      /** The same with every date on one line, taken when the line has room for them all. */
      wholeWidths: number[];
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

const PRINTED_DATE = /^(\d{4}年)(\d{1,2}月\d{1,2}日)$/;

/** A printed table's dates read as the papers' text does (2026年11月29日); other cells stay as they are. */
function printedValue(value: string | number): string | number {
  return typeof value === 'string' && isCalendarDay(value) ? chineseDate(value) : value;
}

/** 2026-11-29, and a day that exists (not 2024-13-40 or 2023-02-29). */
function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}

/**
 * A date may go onto two lines after 年 (2026年 / 11月29日), as office tables set it when the line is
 * full, so a column of dates needs only its longer half: dates never squeeze the free text.
 */
function neededWidth(text: string): number {
  const date = PRINTED_DATE.exec(text);
  return date ? Math.max(printedWidth(date[1]!), printedWidth(date[2]!)) : printedWidth(text);
}

/** A cell's text in a column `width` half-ems wide: a whole date when it fits, else broken after 年. */
export function printedCell(value: string | number, width: number): string {
  const text = String(value);
  const date = PRINTED_DATE.exec(text);
  // Half a half-em spare: the estimate of a digit's width is not the face's own.
  return date && printedWidth(text) > width - 0.5 ? `${date[1]}\n${date[2]}` : text;
}

/** Longest line a column would need, capped: free text wraps, short codes and dates should not. */
function wantedWidths(header: string[], rows: (string | number)[][], width: (text: string) => number): number[] {
  return header.map((h, i) => {
    // A heading may take two lines (签约/代表): a column is as wide as its cells need, not its heading.
    const longest = Math.max(Math.ceil(printedWidth(h) / 4) * 2, ...rows.map((r) => width(String(r[i] ?? ''))));
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
/** …and each free-text column at least four characters a line with its padding, in half-ems. */
const FREE_TEXT_COLUMN = 10;

/** What free text is given at least when a line is full: a fifth, or four characters a column, never more than it wants. */
function freeTextNeed(flexibleTotal: number, flexibleColumns: number, available: number): number {
  return Math.min(flexibleTotal, Math.max(available * FREE_TEXT_SHARE, FREE_TEXT_COLUMN * flexibleColumns));
}

/** Whole dates are worth their room while free text keeps two fifths of the line (or all it wants). */
const WHOLE_DATES_FREE_SHARE = 2 / 5;

/** The widths to fit, each with its `padding`: dates on one line when free text still has room, else on two. */
export function wantedColumns(block: Pick<Extract<ReportBlock, { kind: 'table' }>, 'widths' | 'wholeWidths'>, padding: number, available: number): number[] {
  const whole = block.wholeWidths.map((w) => w + padding);
  // Short columns as fitColumns tells them: by their width with padding.
  const fixed = whole.reduce((sum, w) => sum + (w <= FIXED_WIDTH ? w : 0), 0);
  const flexible = whole.reduce((a, b) => a + b, 0) - fixed;
  return fixed + Math.min(flexible, available * WHOLE_DATES_FREE_SHARE) <= available ? whole : block.widths.map((w) => w + padding);
}

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
  // Never more than half the line, so a table of many free columns still keeps its codes whole.
  const flexibleShare = Math.max(available - fixedTotal, Math.min(freeTextNeed(flexibleTotal, fixed.filter((f) => !f).length, available), available / 2));
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
    const flexibleColumns = widths.filter((w) => w > FIXED_WIDTH).length;
    if (fixed + Math.min(freeTextNeed(flexible, flexibleColumns, available), available / 2) <= available) return size;
  }
  return sizes[sizes.length - 1]!;
}

export function tableBlocks(input: Pick<ReportTable, 'header' | 'sections'>, options: { tall?: boolean } = {}): ReportBlock[] {
  const table = { ...input, sections: input.sections.map((s) => ({ ...s, rows: s.rows.map((r) => r.map(printedValue)) })) };
  const allRows = table.sections.flatMap((s) => [...s.rows, ...(s.footer ? [s.footer] : [])]);
  const widths = wantedWidths(table.header, allRows, neededWidth);
  const wholeWidths = wantedWidths(table.header, allRows, printedWidth);
  return table.sections.flatMap((section): ReportBlock[] => [
    ...(section.heading ? [{ kind: 'heading' as const, text: section.heading }] : []),
    {
      kind: 'table',
      header: table.header,
      widths,
      wholeWidths,
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
