// The annual report's methods, implemented.
import { implement } from '../contract/handlers.js';
import { exportAnnual } from './annual-export.js';
import { annualReport, annualTrace } from './annual-report.js';
import { reportMethods } from './contract.js';

export const reportHandlers = implement(reportMethods, {
  'reports.annual': (input, { ctx }) => annualReport(ctx, input.year),
  'reports.annualTrace': (input, { ctx }) => annualTrace(ctx, input),
  'exports.annual': (input, { ctx }, job) => exportAnnual(ctx, input, job),
});
