// The annual report (年度报告): the figures an alliance reports for a year, one table each, every
// figure traceable to the records behind it; as JSON, and as docx, xlsx and pdf.
import { z } from 'zod';
import { defineMethods, returns } from '../contract/method.js';
import type { FileContent } from '../io/exports/contract.js';

/** The key of every table's 合计 row. */
export const TOTAL = 'total';

const year = z.number().int().min(1990).max(2100);

export interface AnnualTable {
  key: string;
  title: string;
  columns: { key: string; label: string }[];
  /** Figures as numbers, in the columns' order. */
  rows: { key: string; label: string; values: number[] }[];
}

export interface AnnualReport {
  year: number;
  allianceName: string | null;
  tables: AnnualTable[];
}

/** One record behind a figure; `value` is its share of a summed figure (attendance, headcount, yuan). */
export interface TraceItem {
  kind: 'member' | 'agreement' | 'event' | 'project' | 'talent' | 'termChange' | 'term';
  id: string;
  name: string;
  detail: string;
  value?: number;
}

export const annualTraceInput = z.strictObject({ year, table: z.string().min(1).max(40), row: z.string().min(1).max(40), column: z.string().min(1).max(40) });
export const annualExportInput = z.strictObject({ year, format: z.enum(['docx', 'xlsx', 'pdf']) });

const READS = ['organization', 'agreement', 'event', 'project', 'talent', 'term', 'alliance'] as const;

export const reportMethods = defineMethods({
  'reports.annual': { doc: "A year's figures: members, the council, agreements, events, projects, talent; one table each.", input: z.strictObject({ year }), result: returns<AnnualReport>(), access: 'read', reads: READS },
  'reports.annualTrace': { doc: 'The records behind one figure of the annual report (its count, or their values summed, is the figure).', input: annualTraceInput, result: returns<TraceItem[]>(), access: 'read', reads: READS },
  'exports.annual': { doc: 'The annual report as docx (official-document layout), xlsx (a sheet per table) or pdf.', input: annualExportInput, result: returns<FileContent>(), access: 'read', job: true, reads: READS },
});
