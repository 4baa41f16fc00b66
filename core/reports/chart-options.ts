// The annual report's charts as ECharts options, from the report's own tables: the dashboard draws
// them in the browser, the docx and pdf get the same options rendered on the server (SVG). Plain data
// only, so the renderer imports this file too.
import { TOTAL, type AnnualReport, type AnnualTable } from './contract.js';

export type ChartOption = Record<string, unknown>;

export interface ChartSpec {
  key: 'members' | 'agreements' | 'projects';
  title: string;
  option: ChartOption;
}

const PALETTE = ['#1f5fa8', '#d9822b', '#3f8f5a', '#b8433c', '#7a5ba6', '#2b8c99', '#8c6d31', '#6b6b6b'];

const base = (title: string): ChartOption => ({
  animation: false,
  color: PALETTE,
  textStyle: { fontFamily: 'sans-serif', fontSize: 12 },
  title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 14, fontWeight: 'bold', fontFamily: 'sans-serif' } },
  grid: { left: 48, right: 16, top: 56, bottom: 48, containLabel: true },
  tooltip: { trigger: 'axis' },
});

const column = (table: AnnualTable, key: string) => table.columns.findIndex((c) => c.key === key);
const tableOf = (report: AnnualReport, key: string) => report.tables.find((t) => t.key === key)!;

/** Members at the year's end by category, with the year's joins and exits beside them. */
export function membersChart(report: AnnualReport): ChartSpec {
  const table = tableOf(report, 'members');
  const rows = table.rows.filter((r) => r.key !== TOTAL && r.values.some((v) => v !== 0));
  const series = ['end', 'joined', 'left'].map((key) => ({ name: table.columns[column(table, key)]!.label, type: 'bar', data: rows.map((r) => r.values[column(table, key)]), label: { show: key === 'end', position: 'top' } }));
  return {
    key: 'members',
    title: `${report.year}年成员单位（按类别）`,
    option: { ...base(`${report.year}年成员单位（按类别）`), legend: { bottom: 0 }, xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0 } }, yAxis: { type: 'value', minInterval: 1 }, series },
  };
}

/** Agreements signed each month, stacked by type. */
export function agreementsChart(report: AnnualReport): ChartSpec {
  const table = tableOf(report, 'agreementsByMonth');
  const months = table.rows.filter((r) => r.key !== TOTAL);
  const types = table.columns.filter((c) => c.key !== TOTAL && months.some((m) => m.values[column(table, c.key)] !== 0));
  const series = types.map((t) => ({ name: t.label, type: 'bar', stack: 'signed', data: months.map((m) => m.values[column(table, t.key)]) }));
  return {
    key: 'agreements',
    title: `${report.year}年签订合作协议（按月、按类型）`,
    option: { ...base(`${report.year}年签订合作协议（按月、按类型）`), legend: { bottom: 0 }, xAxis: { type: 'category', data: months.map((m) => m.label) }, yAxis: { type: 'value', minInterval: 1 }, series },
  };
}

/** Projects of the year by kind. */
export function projectsChart(report: AnnualReport): ChartSpec {
  const table = tableOf(report, 'projects');
  const rows = table.rows.filter((r) => r.key !== TOTAL && r.values[column(table, 'count')] !== 0);
  return {
    key: 'projects',
    title: `${report.year}年合作项目（按类型）`,
    option: {
      ...base(`${report.year}年合作项目（按类型）`),
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: table.columns[column(table, 'count')]!.label, type: 'bar', data: rows.map((r) => r.values[column(table, 'count')]), label: { show: true, position: 'top' } }],
    },
  };
}

/** A chart with nothing to draw says so in its middle, rather than showing an empty frame in a report. */
function noteIfEmpty(spec: ChartSpec, empty: boolean, note: string): ChartSpec {
  if (!empty) return spec;
  return { ...spec, option: { ...spec.option, graphic: { type: 'text', left: 'center', top: 'middle', style: { text: note, fontSize: 14, fill: '#888', fontFamily: 'sans-serif' } } } };
}

const seriesEmpty = (spec: ChartSpec) => ((spec.option.series as { data: number[] }[]) ?? []).every((s) => s.data.every((v) => !v));

export function annualCharts(report: AnnualReport): ChartSpec[] {
  const members = membersChart(report);
  const agreements = agreementsChart(report);
  const projects = projectsChart(report);
  return [
    noteIfEmpty(members, seriesEmpty(members), `${report.year}年无成员单位`),
    noteIfEmpty(agreements, seriesEmpty(agreements), `${report.year}年未签订合作协议`),
    noteIfEmpty(projects, seriesEmpty(projects), `${report.year}年无合作项目`),
  ];
}
