// A report as a table: title, sections (a heading row and its rows), as csv and xlsx both write it.

export interface ReportSection {
  /** e.g. 政府机构（10个）; absent for a report without groups. */
  heading?: string;
  rows: (string | number)[][];
  /** A closing row, e.g. a subtotal. */
  footer?: (string | number)[];
}

export interface ReportTable {
  title: string;
  /** Shown under the title, e.g. 截至 2026-11-28. */
  subtitle: string;
  header: string[];
  sections: ReportSection[];
  /** xlsx: landscape for wide tables. */
  landscape?: boolean;
}

export interface ReportSheet extends ReportTable {
  sheetName: string;
}
