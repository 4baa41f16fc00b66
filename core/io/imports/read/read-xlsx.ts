// An xlsx workbook's sheets, found as the package says (the root relationships name the workbook,
// the workbook's relationships name its sheets, shared strings and styles, resolved as paths
// relative to the part that names them), each read as a stream of XML events into a bounded grid.
// Merged cells give every cell of the range the merged value; formula cells give their cached
// result; dates print as YYYY-MM-DD.
import { GridBuilder, TextBudget, type SheetGrid } from './grid.js';
import { columnIndex, importFileError, IMPORT_LIMITS, limitError } from './limits.js';
import type { SheetSource } from './sheets.js';
import { streamXml, type XmlHandlers } from './xml-stream.js';
import { partChunks, zipDirectory, type ZipPart } from './zip.js';

/** Parts other than sheets and shared strings (workbook, relationships, styles) are small. */
const MAX_SMALL_PART = 16 * 1024 * 1024;

/** Excel writes characters XML cannot hold (a carriage return) as _xHHHH_, and a literal _x… as _x005F_x…. */
export function decodeExcelEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** A number as a cell shows it: whole numbers without exponent or decimals (codes and phones typed as numbers). */
export function numberText(value: number): string {
  if (!Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  if (Math.abs(value) < 1e15) return BigInt(value).toString();
  // Excel keeps 15 significant digits and shows 912201001234567000, not the binary value's 912201001234567040.
  const [mantissa, exponent] = Math.abs(value).toPrecision(15).split('e+');
  const digits = mantissa!.replace('.', '');
  return (value < 0 ? '-' : '') + digits.padEnd(Number(exponent) + 1, '0');
}

/** A spreadsheet serial day number as YYYY-MM-DD. */
function serialDate(serial: number, date1904: boolean): string {
  // 1900 system: day 1 is 1900-01-01, and day 60 is the 29 February 1900 that never was.
  const days = date1904 ? serial + 1462 : serial < 61 ? serial + 1 : serial;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.round(days * 86400000));
  return Number.isNaN(date.getTime()) ? numberText(serial) : isoDate(date);
}

// Built-in number formats that show dates: 14–22 everywhere, 27–36 and 50–58 in Chinese Excel and WPS.
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format shows a date when it has date letters outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  return /[ymdhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

/** A part path from a relationship target: relative to the naming part's folder, or from the root; null when it leaves the package. */
export function resolvePart(from: string, target: string): string | null {
  const base = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  const parts = [...base];
  for (const segment of target.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Relationship {
  type: string;
  target: string | null;
}

class Package {
  private readonly parts: Map<string, ZipPart>;
  /** Bytes inflated so far, across every read: a part read again (by two sheets naming it) counts again. */
  private inflated = 0;
  constructor(readonly bytes: Buffer) {
    this.parts = new Map(zipDirectory(bytes).map((p) => [p.name.toLowerCase(), p]));
  }

  /** Part names are case-insensitive in a package. */
  part(name: string): ZipPart | undefined {
    return this.parts.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.parts.has(name.toLowerCase());
  }

  async read(name: string, handlers: XmlHandlers): Promise<boolean> {
    const part = this.part(name);
    if (!part) return false;
    if (part.size > MAX_SMALL_PART && !/sheet|sharedstrings/i.test(name)) throw limitError('uncompressed', Math.round(part.size / 1048576), MAX_SMALL_PART / 1048576);
    this.inflated += part.size;
    if (this.inflated > IMPORT_LIMITS.maxUncompressedBytes) throw limitError('uncompressed', Math.round(this.inflated / 1048576), IMPORT_LIMITS.maxUncompressedBytes / 1048576);
    await streamXml(partChunks(this.bytes, part), handlers, part.name);
    return true;
  }

  /** A part's relationships by id, targets resolved to part names. */
  async relationships(of: string): Promise<Map<string, Relationship>> {
    const rels = new Map<string, Relationship>();
    await this.read(relsPathOf(of), {
      open(name, a) {
        if (name !== 'Relationship' || !a.Id) return;
        const external = a.TargetMode === 'External';
        rels.set(a.Id, { type: (a.Type ?? '').split('/').pop() ?? '', target: external || !a.Target ? null : resolvePart(of, a.Target) });
      },
    });
    return rels;
  }
}

/** The text of string items (<si>, <is>): runs joined, phonetic guides (<rPh>) left out. */
function stringItems(onItem: (text: string) => void, item: 'si' | 'is'): XmlHandlers & { current(): string } {
  let text = '';
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  return {
    open(name) {
      if (name === item) {
        inItem = true;
        text = '';
      } else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && inItem && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === item) {
        inItem = false;
        onItem(decodeExcelEscapes(text));
      }
    },
    text(chunk) {
      if (inText) text += chunk;
    },
    current: () => decodeExcelEscapes(text),
  };
}

async function sharedStrings(pkg: Package, name: string | undefined, budget: TextBudget): Promise<string[]> {
  const strings: string[] = [];
  if (!name) return strings;
  await pkg.read(
    name,
    stringItems((text) => {
      if (strings.length >= IMPORT_LIMITS.maxCells) throw limitError('cells', strings.length + 1, IMPORT_LIMITS.maxCells);
      budget.add(text.length);
      strings.push(text);
    }, 'si'),
  );
  return strings;
}

/** Which cell styles (by index) show a date. */
async function dateStyles(pkg: Package, name: string | undefined): Promise<Set<number>> {
  const dates = new Set<number>();
  if (!name) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  await pkg.read(name, {
    open(tag, a) {
      if (tag === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (tag === 'cellXfs') inCellXfs = true;
      else if (tag === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) dates.add(index);
        index += 1;
      }
    },
    close(tag) {
      if (tag === 'cellXfs') inCellXfs = false;
    },
  });
  return dates;
}

const CELL_REF = /^\$?([A-Za-z]{1,7})\$?(\d{1,9})$/;

/** A range (A1:B2, or one cell) as 0-based bounds. */
function rangeOf(ref: string): [number, number, number, number] | null {
  const [from, to = from] = ref.split(':');
  const a = CELL_REF.exec(from ?? '');
  const b = CELL_REF.exec(to ?? '');
  if (!a || !b) return null;
  return [Number(a[2]) - 1, columnIndex(a[1]!.toUpperCase()), Number(b[2]) - 1, columnIndex(b[1]!.toUpperCase())];
}

interface SheetContext {
  strings: string[];
  dates: Set<number>;
  date1904: boolean;
}

async function readSheet(pkg: Package, part: string, sheetName: string, context: SheetContext, budget: TextBudget): Promise<SheetGrid> {
  const grid = new GridBuilder(sheetName, budget);
  let row = -1;
  let cellRow = -1;
  let column = -1;
  let type = 'n';
  let style = 0;
  let value = '';
  let capture = false;
  let inCell = false;
  const inline = stringItems(() => undefined, 'is');
  let inInline = false;
  const found = await pkg.read(part, {
    open(name, a) {
      switch (name) {
        case 'row': {
          const r = Number(a.r);
          row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
          column = -1;
          if (a.hidden === '1' || a.hidden === 'true') grid.hideRow(row);
          return;
        }
        case 'c': {
          const ref = a.r ? CELL_REF.exec(a.r) : null;
          column = ref ? columnIndex(ref[1]!.toUpperCase()) : column + 1;
          // A cell's own reference names its row (A0 names none, and the cell is left out).
          cellRow = ref ? Number(ref[2]) - 1 : row;
          type = a.t ?? 'n';
          style = Number(a.s ?? 0);
          value = '';
          inCell = true;
          return;
        }
        case 'v':
          capture = inCell;
          return;
        case 'is':
          inInline = true;
          inline.open!(name, a);
          return;
        case 'mergeCell': {
          const range = rangeOf(a.ref ?? '');
          if (range) grid.merge(...range);
          return;
        }
        case 'col':
          if (a.hidden === '1' || a.hidden === 'true') grid.hideColumns(Number(a.min) - 1, Number(a.max) - 1);
          return;
        default:
          if (inInline) inline.open!(name, a);
      }
    },
    close(name) {
      if (name === 'v') capture = false;
      else if (name === 'is') {
        inInline = false;
        value = inline.current();
      } else if (inInline) inline.close!(name);
      else if (name === 'c') {
        inCell = false;
        placeCell(grid, cellRow, column, type, style, value, context);
      }
    },
    text(chunk) {
      if (capture) value += chunk;
      else if (inInline) inline.text!(chunk);
    },
  });
  if (!found) throw importFileError('missingPart', `The workbook names the sheet ${sheetName} at ${part}, which is not in the file.`, { sheet: sheetName, part });
  return grid.finish();
}

function placeCell(grid: GridBuilder, row: number, column: number, type: string, style: number, raw: string, context: SheetContext): void {
  if (row < 0 || column < 0) return;
  switch (type) {
    case 's': {
      // An index is digits only: Number('') and Number(' ') are 0, which would take the first string.
      const index = /^\s*\d+\s*$/.test(raw) ? Number(raw) : -1;
      grid.set(row, column, context.strings[index] ?? '', true);
      return;
    }
    case 'inlineStr':
      // Decoded with its runs already.
      grid.set(row, column, raw);
      return;
    case 'str':
      grid.set(row, column, decodeExcelEscapes(raw));
      return;
    case 'd':
      grid.set(row, column, raw.slice(0, 10));
      return;
    case 'b':
      grid.set(row, column, raw === '' ? '' : raw === '1' || raw === 'true' ? 'TRUE' : 'FALSE');
      return;
    case 'e':
      return;
    default: {
      const text = raw.trim();
      const n = text === '' ? NaN : Number(text);
      if (Number.isNaN(n)) grid.set(row, column, text);
      else if (context.dates.has(style)) grid.set(row, column, serialDate(n, context.date1904));
      else grid.set(row, column, numberText(n), false, n);
    }
  }
}

const OFFICE_DOCUMENT = 'officeDocument';

/** The workbook's sheets, each read on demand. */
export async function xlsxSheets(bytes: Buffer): Promise<SheetSource[]> {
  const pkg = new Package(bytes);
  const root = await pkg.relationships('');
  const workbookPart = [...root.values()].find((r) => r.type === OFFICE_DOCUMENT && r.target)?.target ?? 'xl/workbook.xml';
  if (!pkg.has(workbookPart)) throw importFileError('notSpreadsheet', 'This zip file is not an Excel workbook (.xlsx).');
  const rels = await pkg.relationships(workbookPart);
  // Most programs name them xl/sharedStrings.xml and xl/styles.xml; the relationships decide, and some writers leave them out.
  const byType = (type: string, usual: string) => [...rels.values()].find((r) => r.type === type && r.target)?.target ?? (pkg.has(resolvePart(workbookPart, usual) ?? '') ? resolvePart(workbookPart, usual)! : undefined);

  const sheets: { name: string; hidden: boolean; id: string }[] = [];
  let date1904 = false;
  await pkg.read(workbookPart, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (name === 'sheet') {
        if (sheets.length >= IMPORT_LIMITS.maxSheets) throw limitError('sheets', sheets.length + 1, IMPORT_LIMITS.maxSheets);
        sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, hidden: Boolean(a.state && a.state !== 'visible'), id: a.id ?? '' });
      }
    },
  });
  const budget = new TextBudget();
  let context: Promise<SheetContext> | null = null;
  const loadContext = () =>
    (context ??= (async () => ({
      strings: await sharedStrings(pkg, byType('sharedStrings', 'sharedStrings.xml'), budget),
      dates: await dateStyles(pkg, byType('styles', 'styles.xml')),
      date1904,
    }))());
  // Two sheets naming one part would read it twice: a small file could be made to parse one large part hundreds of times.
  const targets = new Set<string>();
  for (const sheet of sheets) {
    const target = rels.get(sheet.id)?.target?.toLowerCase();
    if (!target) continue;
    if (targets.has(target)) throw importFileError('damagedZip', `The file is damaged: two sheets name the same part ${target}.`, { detail: `two sheets name ${target}` });
    targets.add(target);
  }
  return sheets.flatMap((sheet) => {
    const rel = rels.get(sheet.id);
    // Chart and dialog sheets hold no cells.
    if (rel && rel.type !== 'worksheet') return [];
    return [
      {
        name: sheet.name,
        hidden: sheet.hidden,
        async read(): Promise<SheetGrid> {
          if (!rel?.target) throw importFileError('missingPart', `The workbook names the sheet ${sheet.name}, but not where it is.`, { sheet: sheet.name, part: sheet.id });
          return readSheet(pkg, rel.target, sheet.name, await loadContext(), budget);
        },
      },
    ];
  });
}
