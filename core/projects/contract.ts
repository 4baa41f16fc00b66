// Cooperation projects under agreements: kinds, partners, dates and figures per year.
import { z } from 'zod';
import { inputShape } from '../contract/fields.js';
import { defineMethods, returns } from '../contract/method.js';
import { FIGURE_KEYS, projectFields, projectFigureFields, projectKind, projectPartnerFields, type FigureKey, type ProjectFigures, type ProjectRecord } from './fields.js';

const id = z.string().uuid();

const figureInput = z.strictObject(inputShape(projectFigureFields));
const partnerInput = z.strictObject(inputShape(projectPartnerFields));

const projectShape = {
  ...inputShape(projectFields),
  /** Blank: the agreement's parties. */
  partners: z.array(partnerInput).max(50).default([]),
  figures: z.array(figureInput).max(200).default([]),
};

/** One row of figures per year; the end not before the start. Issues name the field a form shows. */
function checkProject(project: { startDate: string | null; endDate: string | null; figures: { year: number }[]; partners: { organizationId: string }[] }, ctx: z.RefinementCtx): void {
  if (project.startDate && project.endDate && project.endDate < project.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end date is before the start date.', params: { key: 'validation.endDateBeforeStart' } });
  }
  const years = new Set<number>();
  project.figures.forEach((f, i) => {
    if (years.has(f.year)) ctx.addIssue({ code: 'custom', path: ['figures', i, 'year'], message: `${f.year} is entered twice.`, params: { key: 'validation.yearTwice', year: f.year } });
    years.add(f.year);
  });
  const partners = new Set<string>();
  project.partners.forEach((p, i) => {
    if (partners.has(p.organizationId)) ctx.addIssue({ code: 'custom', path: ['partners', i, 'organizationId'], message: 'This unit is already a partner.', params: { key: 'validation.partyTwice' } });
    partners.add(p.organizationId);
  });
}

export const projectCreateInput = z.strictObject(projectShape).superRefine(checkProject);
export const projectUpdateInput = z.strictObject({ id, ...projectShape }).superRefine(checkProject);
export const projectListInput = z.strictObject({
  kinds: z.array(projectKind).max(50).optional(),
  organizationId: id.optional(),
  agreementId: id.optional(),
  /** Projects running in the year or reporting figures for it; the figures shown are that year's. */
  year: z.number().int().min(1990).max(2100).optional(),
  text: z.string().max(200).optional(),
});
export type ProjectInput = z.output<typeof projectCreateInput>;
export type ProjectUpdateInput = z.output<typeof projectUpdateInput>;
export type ProjectListInput = z.output<typeof projectListInput>;

export type FigureTotals = Record<FigureKey, number | null>;

export interface ProjectPartner {
  organizationId: string;
  name: string;
}

export type Project = ProjectRecord & {
  agreementNumber: string | null;
  agreementTitle: string | null;
  partners: ProjectPartner[];
  figures: ProjectFigures[];
};

/** A list row: the figures summed over every year, or the year's when the list asks for one. */
export type ProjectRow = ProjectRecord & { agreementNumber: string | null; partners: ProjectPartner[]; totals: FigureTotals; years: number[] };

const READS = ['project', 'agreement', 'organization'] as const;

export const projectMethods = defineMethods({
  'projects.list': { doc: 'Projects by kind, partner, agreement, year and text, with their figures summed.', input: projectListInput, result: returns<ProjectRow[]>(), access: 'read', reads: READS },
  'projects.get': { doc: 'A project with its partners and its figures per year.', input: z.strictObject({ id }), result: returns<Project>(), access: 'read', reads: READS },
  'projects.kinds': { doc: 'The kinds in use besides the standard ones (the secretariat’s own).', input: z.strictObject({}), result: returns<string[]>(), access: 'read', reads: READS },
  'projects.create': { doc: 'Records a project; without partners it takes its agreement’s parties.', input: projectCreateInput, result: returns<Project>(), access: 'write', changes: ['project'] },
  'projects.update': { doc: "Changes a project, its partners and its figures.", input: projectUpdateInput, result: returns<Project>(), access: 'write', changes: ['project'] },
  'projects.delete': { doc: 'Removes a project with its figures.', input: z.strictObject({ id }), result: returns<{ id: string }>(), access: 'write', changes: ['project'] },
});

export { FIGURE_KEYS };
