// Assembles the annual report from its tables, and answers which records stand behind a figure.
import { getProfile } from '../alliance/alliance.js';
import type { ServiceContext } from '../contract/context.js';
import { AppError } from '../contract/errors.js';
import { ANNUAL_TABLES, periodOf } from './annual-tables.js';
import type { AnnualReport, TraceItem } from './contract.js';

export function annualReport(ctx: ServiceContext, year: number): AnnualReport {
  const period = periodOf(year);
  // One read transaction: every table sees the same register.
  return ctx.sqlite.transaction(() => ({
    year,
    allianceName: getProfile(ctx)?.name ?? null,
    tables: ANNUAL_TABLES.map((spec) => {
      const figures = spec.figures(ctx, period);
      return {
        key: spec.key,
        title: spec.title,
        columns: spec.columns.map(({ key, label }) => ({ key, label })),
        rows: spec.rows(ctx, period).map((row) => ({ key: row.key, label: row.label, values: spec.columns.map((c) => figures.get(row.key)?.[c.key] ?? 0) })),
      };
    }),
  }))();
}

export function annualTrace(ctx: ServiceContext, input: { year: number; table: string; row: string; column: string }): TraceItem[] {
  const spec = ANNUAL_TABLES.find((t) => t.key === input.table);
  const period = periodOf(input.year);
  if (!spec || !spec.columns.some((c) => c.key === input.column) || !spec.rows(ctx, period).some((r) => r.key === input.row)) {
    throw new AppError('NOT_FOUND', `The annual report has no figure ${input.table}/${input.row}/${input.column}.`, { key: 'errors.notFound' });
  }
  return spec.trace(ctx, period, input.row, input.column);
}
