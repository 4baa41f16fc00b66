// Cooperation projects (合作项目): what agreements lead to, with partner units and figures per year.
import { newRecordId } from '../records/ids.js';
import { PROJECT_KINDS } from '../contract/codes.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import { AppError } from '../contract/errors.js';
import { recordChange } from '../history/changelog.js';
import { assertReference, recordExists } from '../records/references.js';
import { rowOf } from '../records/model.js';
import { containsPattern } from '../text/search-text.js';
import type { FigureTotals, Project, ProjectInput, ProjectListInput, ProjectPartner, ProjectRow, ProjectUpdateInput } from './contract.js';
import { FIGURE_KEYS, type ProjectFigures, type ProjectRecord } from './fields.js';
import { projectFigureModel, projectModel, projectPartnerModel } from './project-model.js';

const PROJECT_COLUMNS = `p.id, p.name, p.kind, p.agreement_id AS agreementId, p.start_date AS startDate, p.end_date AS endDate, p.notes,
  p.is_sample AS isSample, p.created_at AS createdAt, p.updated_at AS updatedAt, a.number AS agreementNumber, a.title AS agreementTitle`;
const FIGURE_COLUMNS = 'year, students_enrolled AS studentsEnrolled, trainees, interns, hires, service_contract_yuan AS serviceContractYuan, bases_built AS basesBuilt';

type ProjectSqlRow = Omit<ProjectRecord, 'isSample'> & { isSample: number; agreementNumber: string | null; agreementTitle: string | null };

function partnersOf(ctx: ServiceContext, projectIds: string[]): Map<string, ProjectPartner[]> {
  const byProject = new Map<string, ProjectPartner[]>();
  if (projectIds.length === 0) return byProject;
  const rows = ctx.sqlite
    .prepare(
      `SELECT pp.project_id AS projectId, pp.organization_id AS organizationId, o.name FROM project_partners pp JOIN organizations o ON o.id = pp.organization_id
        WHERE pp.project_id IN (SELECT value FROM json_each(?)) ORDER BY pp.project_id, pp.position`,
    )
    .all(JSON.stringify(projectIds)) as (ProjectPartner & { projectId: string })[];
  for (const { projectId, ...partner } of rows) {
    const list = byProject.get(projectId) ?? [];
    list.push(partner);
    byProject.set(projectId, list);
  }
  return byProject;
}

export function getProject(ctx: ServiceContext, id: string): Project {
  const row = ctx.sqlite.prepare(`SELECT ${PROJECT_COLUMNS} FROM projects p LEFT JOIN agreements a ON a.id = p.agreement_id WHERE p.id = ?`).get(id) as ProjectSqlRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No project with id ${id}.`, { key: 'errors.projectNotFound' });
  const figures = ctx.sqlite.prepare(`SELECT id, ${FIGURE_COLUMNS} FROM project_figures WHERE project_id = ? ORDER BY year`).all(id) as ProjectFigures[];
  return { ...row, isSample: row.isSample === 1, partners: partnersOf(ctx, [id]).get(id) ?? [], figures };
}

/** The agreement exists, every partner exists; no partners given means the agreement's parties. */
function partnersFor(ctx: ServiceContext, input: ProjectInput): string[] {
  assertReference(ctx, 'agreements', input.agreementId, 'agreementId');
  input.partners.forEach((p, i) => assertReference(ctx, 'organizations', p.organizationId, `partners.${i}.organizationId`));
  if (input.partners.length > 0 || !input.agreementId) return input.partners.map((p) => p.organizationId);
  return ctx.sqlite.prepare('SELECT organization_id FROM agreement_parties WHERE agreement_id = ? ORDER BY position').pluck().all(input.agreementId) as string[];
}

function writeChildren(ctx: ServiceContext, projectId: string, partners: string[], figures: ProjectInput['figures']): void {
  ctx.sqlite.prepare('DELETE FROM project_partners WHERE project_id = ?').run(projectId);
  ctx.sqlite.prepare('DELETE FROM project_figures WHERE project_id = ?').run(projectId);
  const insertPartner = projectPartnerModel.insertStatement(ctx.sqlite);
  partners.forEach((organizationId, position) => insertPartner({ id: newRecordId(), projectId, organizationId, position }));
  const insertFigure = projectFigureModel.insertStatement(ctx.sqlite);
  for (const figure of [...figures].sort((a, b) => a.year - b.year)) insertFigure({ id: newRecordId(), projectId, ...figure });
}

export function createProject(ctx: ServiceContext, input: ProjectInput, options: { isSample?: boolean } = {}): Project {
  return ctx.sqlite.transaction(() => {
    const partners = partnersFor(ctx, input);
    const { partners: _p, figures, ...fields } = input;
    const id = newRecordId();
    const at = nowIso(ctx);
    projectModel.insertStatement(ctx.sqlite)({ id, ...fields, isSample: options.isSample ?? false, createdAt: at, updatedAt: at });
    writeChildren(ctx, id, partners, figures);
    const created = getProject(ctx, id);
    recordChange(ctx, 'project', id, 'create', null, created);
    return created;
  })();
}

export function updateProject(ctx: ServiceContext, input: ProjectUpdateInput): Project {
  const { id, ...rest } = input;
  return ctx.sqlite.transaction(() => {
    const before = getProject(ctx, id);
    const partners = partnersFor(ctx, rest);
    const { partners: _p, figures, ...fields } = rest;
    projectModel.updateStatement(ctx.sqlite)(id, { ...fields, updatedAt: nowIso(ctx) });
    writeChildren(ctx, id, partners, figures);
    const after = getProject(ctx, id);
    recordChange(ctx, 'project', id, 'update', before, after);
    return after;
  })();
}

export function deleteProject(ctx: ServiceContext, id: string): { id: string } {
  return ctx.sqlite.transaction(() => {
    const before = getProject(ctx, id);
    ctx.sqlite.prepare('DELETE FROM projects WHERE id = ?').run(id);
    recordChange(ctx, 'project', id, 'delete', before, null);
    return { id };
  })();
}

/** Brings a deleted project back from its snapshot; partners deleted since are left out, an agreement deleted since is unlinked. */
export function putBackProject(ctx: ServiceContext, snapshot: Project): Project {
  return ctx.sqlite.transaction(() => {
    const agreementId = snapshot.agreementId && recordExists(ctx, 'agreements', snapshot.agreementId) ? snapshot.agreementId : null;
    const partners = snapshot.partners.map((p) => p.organizationId).filter((org) => recordExists(ctx, 'organizations', org));
    const at = nowIso(ctx);
    // Every column from the model: a field added later comes back too (or takes its default in an older snapshot).
    projectModel.insertStatement(ctx.sqlite)(rowOf(projectModel, snapshot, { agreementId, isSample: false, createdAt: at, updatedAt: at }) as never);
    writeChildren(ctx, snapshot.id, partners, snapshot.figures.map(({ id: _id, ...figure }) => figure));
    const restored = getProject(ctx, snapshot.id);
    recordChange(ctx, 'project', snapshot.id, 'create', null, restored);
    return restored;
  })();
}

function emptyTotals(): FigureTotals {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as FigureTotals;
}

export function listProjects(ctx: ServiceContext, input: ProjectListInput): ProjectRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.kinds?.length) {
    where.push('p.kind IN (SELECT value FROM json_each(@kinds))');
    params.kinds = JSON.stringify(input.kinds);
  }
  if (input.organizationId) {
    where.push('EXISTS (SELECT 1 FROM project_partners pp WHERE pp.project_id = p.id AND pp.organization_id = @org)');
    params.org = input.organizationId;
  }
  if (input.agreementId) {
    where.push('p.agreement_id = @agreement');
    params.agreement = input.agreementId;
  }
  if (input.year !== undefined) {
    // Running in the year, or reporting figures for it.
    where.push(`((coalesce(p.start_date, '0000') <= @yearEnd AND coalesce(p.end_date, '9999') >= @yearStart) OR EXISTS (SELECT 1 FROM project_figures f WHERE f.project_id = p.id AND f.year = @year))`);
    Object.assign(params, { year: input.year, yearStart: `${input.year}-01-01`, yearEnd: `${input.year}-12-31` });
  }
  if (input.text?.trim()) {
    where.push(`lower(p.name || ' ' || coalesce(p.notes, '') || ' ' || coalesce(a.number, '') || ' ' || coalesce((SELECT group_concat(o.name, ' ') FROM project_partners pp JOIN organizations o ON o.id = pp.organization_id WHERE pp.project_id = p.id), '')) LIKE @text ESCAPE '\\'`);
    params.text = containsPattern(input.text);
  }
  const rows = ctx.sqlite
    .prepare(`SELECT ${PROJECT_COLUMNS} FROM projects p LEFT JOIN agreements a ON a.id = p.agreement_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.start_date DESC, p.name`)
    .all(params) as ProjectSqlRow[];
  const ids = rows.map((r) => r.id);
  const partners = partnersOf(ctx, ids);
  const totals = new Map<string, FigureTotals>();
  const years = new Map<string, number[]>();
  const figures = ctx.sqlite
    .prepare(`SELECT project_id AS projectId, ${FIGURE_COLUMNS} FROM project_figures WHERE project_id IN (SELECT value FROM json_each(?)) ORDER BY year`)
    .all(JSON.stringify(ids)) as (ProjectFigures & { projectId: string })[];
  for (const figure of figures) {
    years.set(figure.projectId, [...(years.get(figure.projectId) ?? []), figure.year]);
    if (input.year !== undefined && figure.year !== input.year) continue;
    const sum = totals.get(figure.projectId) ?? emptyTotals();
    for (const key of FIGURE_KEYS) if (figure[key] !== null) sum[key] = (sum[key] ?? 0) + figure[key]!;
    totals.set(figure.projectId, sum);
  }
  return rows.map(({ agreementTitle: _t, ...r }) => ({ ...r, isSample: r.isSample === 1, partners: partners.get(r.id) ?? [], totals: totals.get(r.id) ?? emptyTotals(), years: years.get(r.id) ?? [] }));
}

/** Kinds the secretariat added besides the standard list, for the kind filter and the form. */
export function customProjectKinds(ctx: ServiceContext): string[] {
  const kinds = ctx.sqlite.prepare('SELECT DISTINCT kind FROM projects ORDER BY kind').pluck().all() as string[];
  return kinds.filter((k) => !(PROJECT_KINDS as readonly string[]).includes(k));
}
