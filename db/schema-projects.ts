// Cooperation projects, their partners and their figures per year. Part of schema.ts.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agreements, organizations } from './schema.js';

/** A cooperation project (合作项目) an agreement leads to; its kind is a standard code or the secretariat's own name. */
export const projects = sqliteTable(
  'projects',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    agreementId: text('agreement_id').references(() => agreements.id, { onDelete: 'set null' }),
    startDate: text('start_date'),
    endDate: text('end_date'),
    notes: text('notes'),
    isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('projects_agreement').on(t.agreementId), index('projects_kind').on(t.kind), index('projects_start').on(t.startDate)],
);

export const projectPartners = sqliteTable(
  'project_partners',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    position: integer('position').notNull(),
  },
  (t) => [index('project_partners_project').on(t.projectId, t.position), index('project_partners_organization').on(t.organizationId)],
);

/** A project's figures for one year; a blank figure was not reported (not zero). */
export const projectFigures = sqliteTable(
  'project_figures',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    studentsEnrolled: integer('students_enrolled'),
    trainees: integer('trainees'),
    interns: integer('interns'),
    hires: integer('hires'),
    serviceContractYuan: integer('service_contract_yuan'),
    basesBuilt: integer('bases_built'),
  },
  (t) => [uniqueIndex('project_figures_year').on(t.projectId, t.year), index('project_figures_by_year').on(t.year)],
);
