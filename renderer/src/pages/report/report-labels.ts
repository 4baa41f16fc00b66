// The annual report's titles and labels in the clerk's language. The core writes them in Chinese, as
// the papers print them; in Chinese they are shown as written, otherwise translated by their keys
// (a table's key, a column's key, a row's code), falling back to the core's words for what has none
// (a kind of project the secretariat named itself).
import type { TFunction } from 'i18next';
import type { AnnualTable } from '../../../../core/reports/contract';

/** The code list each table's rows come from. */
const ROW_CODES: Record<string, string> = { members: 'category', council: 'termChange', agreementsByType: 'agreementType', events: 'eventType', projects: 'projectKind', talent: 'talentDirection' };

export function shownTable(t: TFunction, language: string, table: AnnualTable): AnnualTable {
  if (language.startsWith('zh')) return table;
  const row = (key: string, label: string): string => {
    if (key === 'total') return t('report.row.total');
    if (key === 'newTerm') return t('report.row.newTerm');
    if (table.key === 'agreementsByMonth') return t('report.row.month', { month: key });
    const codes = ROW_CODES[table.key];
    return codes ? t(`${codes}.${key}`, { defaultValue: label }) : label;
  };
  const column = (key: string, label: string): string => {
    if (table.key === 'agreementsByMonth' && key !== 'total') return t(`agreementType.${key}`, { defaultValue: label });
    return t(`report.column.${key}`, { defaultValue: t(`field.projectFigure.${key}`, { defaultValue: label }) });
  };
  return {
    ...table,
    title: t(`report.table.${table.key}`, { defaultValue: table.title }),
    columns: table.columns.map((c) => ({ ...c, label: column(c.key, c.label) })),
    rows: table.rows.map((r) => ({ ...r, label: row(r.key, r.label) })),
  };
}
