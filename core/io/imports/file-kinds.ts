// What the readers tell about a file, as the contract and the page see it (no Node types here: the
// renderer reads these too).

/** The kind of a file, decided from its bytes. */
export type SpreadsheetKind = 'xlsx' | 'csv' | 'xls' | 'ods' | 'xlsb' | 'html';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface SheetInfo {
  /** 1-based, in the workbook's order. */
  number: number;
  name: string;
  hidden: boolean;
  /** Rows holding values. */
  rows: number;
  /** Why the sheet cannot be read, when it cannot. */
  problem: string | null;
}
