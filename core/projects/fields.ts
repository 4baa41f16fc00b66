// A cooperation project (合作项目) under an agreement — 订单班, 现代学徒制, 共建实训基地 … — its partner
// units, and its figures entered per year (students, trainees, interns, hires, contracts, bases).
import { z } from 'zod';
import { PROJECT_KINDS, PROJECT_KIND_LABELS_ZH, type ProjectKind } from '../contract/codes.js';
import { defineFields, label, stored, type RecordOf } from '../contract/fields.js';
import { optionalDate, optionalText, requiredText } from '../contract/validation.js';

const ref = z.string().uuid();
const optionalRef = ref.nullish().transform((v) => v ?? null);

/** A kind from the list (its code or its name) or one the secretariat adds (its own name, ≤ 20 characters). */
export const projectKind = requiredText(20).transform((kind) => (PROJECT_KINDS as readonly string[]).includes(kind) ? kind : (Object.entries(PROJECT_KIND_LABELS_ZH).find(([, name]) => name === kind)?.[0] ?? kind));

export function projectKindName(kind: string): string {
  return PROJECT_KIND_LABELS_ZH[kind as ProjectKind] ?? kind;
}

export const projectFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  name: { kind: 'text', schema: requiredText(200), access: 'input', label: label('项目名称', 'Project') },
  kind: { kind: 'text', schema: projectKind, access: 'input', label: label('项目类型', 'Kind') },
  agreementId: { kind: 'ref', schema: optionalRef, access: 'input', label: label('所属协议', 'Agreement') },
  startDate: { kind: 'date', schema: optionalDate, access: 'input', label: label('开始日期', 'Starts on') },
  endDate: { kind: 'date', schema: optionalDate, access: 'input', label: label('结束日期', 'Ends on') },
  notes: { kind: 'text', schema: optionalText(2000), access: 'input', label: label('备注', 'Notes') },
  isSample: { kind: 'boolean', schema: stored.flag, access: 'system', label: label('示例数据', 'Sample data') },
  createdAt: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('创建时间', 'Created') },
  updatedAt: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('修改时间', 'Changed') },
});
export type ProjectRecord = RecordOf<typeof projectFields>;

export const projectPartnerFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  projectId: { kind: 'ref', schema: stored.id, access: 'internal', label: label('项目', 'Project') },
  organizationId: { kind: 'ref', schema: ref, access: 'input', label: label('合作单位', 'Partner') },
  position: { kind: 'integer', schema: stored.count, access: 'internal', label: label('顺序', 'Position') },
});

const count = (max: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(max)
    .nullish()
    .transform((v) => v ?? null);

/** The figures a project reports for a year; blank is "not reported", not zero. */
export const projectFigureFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  projectId: { kind: 'ref', schema: stored.id, access: 'internal', label: label('项目', 'Project') },
  year: { kind: 'integer', schema: z.number().int().min(1990).max(2100), access: 'input', label: label('年度', 'Year') },
  studentsEnrolled: { kind: 'integer', schema: count(1_000_000), access: 'input', label: label('招生/在读学生（人）', 'Students enrolled') },
  trainees: { kind: 'integer', schema: count(10_000_000), access: 'input', label: label('培训（人次）', 'Trainees (person-times)') },
  interns: { kind: 'integer', schema: count(1_000_000), access: 'input', label: label('实习（人）', 'Interns') },
  hires: { kind: 'integer', schema: count(1_000_000), access: 'input', label: label('就业/录用（人）', 'Hires') },
  serviceContractYuan: { kind: 'integer', schema: count(1_000_000_000_000), access: 'input', label: label('技术服务合同额（元）', 'Service contracts (yuan)') },
  basesBuilt: { kind: 'integer', schema: count(10_000), access: 'input', label: label('建成实训基地（个）', 'Training bases built') },
});
export type ProjectFigures = RecordOf<typeof projectFigureFields>;

/** The figures' names, in the order files and forms show them. */
export const FIGURE_KEYS = ['studentsEnrolled', 'trainees', 'interns', 'hires', 'serviceContractYuan', 'basesBuilt'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
