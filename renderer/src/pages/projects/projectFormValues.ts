// Between a cooperation project (as the core returns it) and its form, through the project model:
// the kind shown by its name, partners as one list of member ids, figures a row per year.
import type { TFunction } from 'i18next';
import type { ApiInput } from '../../../../core/contract/registry';
import type { Project } from '../../../../core/projects/contract';
import { FIGURE_KEYS, projectFields, type FigureKey } from '../../../../core/projects/fields';
import { formValuesOf, inputOfForm, type FormValuesOf } from '../../forms/model-values';
import { projectKindCode, projectKindLabel } from './projectKinds';

export type FigureRow = { year: number | null } & Partial<Record<FigureKey, number | null>>;
export type ProjectFormValues = FormValuesOf<typeof projectFields> & { partnerIds?: string[]; figures?: FigureRow[] };

export function valuesFromProject(t: TFunction, project: Project): ProjectFormValues {
  return {
    ...formValuesOf(projectFields, project),
    kind: projectKindLabel(t, project.kind),
    partnerIds: project.partners.map((p) => p.organizationId),
    figures: project.figures.map(({ id: _id, ...figure }) => figure),
  };
}

export function emptyProject(agreementId: string | null): ProjectFormValues {
  return { agreementId, partnerIds: [], figures: [{ year: new Date().getFullYear() }] };
}

export function inputFromProjectValues(t: TFunction, values: ProjectFormValues): ApiInput<'projects.create'> {
  return {
    ...inputOfForm(projectFields, values),
    kind: projectKindCode(t, values.kind ?? ''),
    partners: (values.partnerIds ?? []).map((organizationId) => ({ organizationId })),
    // Sent as typed: the core refuses a negative, fractional or blank year at its field rather than the form rounding it.
    figures: (values.figures ?? []).map((f) => ({ year: f.year as number, ...Object.fromEntries(FIGURE_KEYS.map((k) => [k, f[k] ?? null])) })),
  } as ApiInput<'projects.create'>;
}

/** The year after the latest entered, or this year. */
export function nextYear(rows: FigureRow[] | undefined): number {
  const years = (rows ?? []).map((r) => r.year).filter((y): y is number => typeof y === 'number');
  return years.length ? Math.max(...years) + 1 : new Date().getFullYear();
}
