// The registers as files (授牌登记表, 聘书登记表) and the certificates as one pdf.
import { getProfile } from '../alliance/alliance.js';
import { AWARD_KIND_LABELS_ZH, type AwardKind } from '../contract/codes.js';
import type { ServiceContext } from '../contract/context.js';
import type { Job } from '../contract/method.js';
import type { FileContent } from '../io/exports/contract.js';
import { documentOfTable } from '../io/exports/document.js';
import { documentBytes, file, STAGES } from '../io/exports/exports.js';
import { asOfToday } from '../io/exports/lists.js';
import type { ReportSheet } from '../io/exports/table.js';
import { xlsxOf } from '../io/exports/xlsx.js';
import { listAwards } from './awards.js';
import { certificatesPdf } from './certificates.js';
import { getLayout } from './layouts.js';

const REGISTER_NAME: Record<AwardKind, string> = { plaque: '授牌登记表', appointment: '聘书登记表' };

/** Landscape: seven or eight columns, two of them codes and dates, leave unit names room on a line. */
export function awardSheet(ctx: ServiceContext, kind: AwardKind): ReportSheet {
  const awards = listAwards(ctx, { kind });
  const header = kind === 'plaque' ? ['序号', '证书编号', '授牌名称', '授牌单位', '授予日期', '有效期至', '授予活动'] : ['序号', '证书编号', '受聘人', '所在单位', '聘任职务', '聘任日期', '聘期至', '授予活动'];
  const rows = awards.map((a, i) =>
    kind === 'plaque'
      ? [i + 1, a.number, a.title, a.organizationName ?? '', a.date, a.validUntil ?? '', a.eventTitle ?? '']
      : [i + 1, a.number, a.personName ?? '', a.organizationName ?? '', a.title, a.date, a.validUntil ?? '', a.eventTitle ?? ''],
  );
  return { sheetName: REGISTER_NAME[kind], title: `${getProfile(ctx)?.name ?? ''}${REGISTER_NAME[kind]}`, subtitle: asOfToday(ctx, `${awards.length}${kind === 'plaque' ? '块' : '份'}`), header, sections: [{ rows }], landscape: true };
}

export async function exportAwards(ctx: ServiceContext, input: { kind: AwardKind; format: 'xlsx' | 'docx' | 'pdf' }, job: Job): Promise<FileContent> {
  job.progress(0, STAGES);
  const sheet = awardSheet(ctx, input.kind);
  job.progress(1, STAGES);
  job.checkpoint();
  const written = input.format === 'xlsx' ? { bytes: await xlsxOf([sheet]), missing: [] } : await documentBytes(ctx, documentOfTable(sheet), input.format);
  job.progress(STAGES, STAGES);
  return file(ctx, REGISTER_NAME[input.kind], input.format, written);
}

export async function exportCertificates(ctx: ServiceContext, input: { kind: AwardKind; ids?: string[] }, job: Job): Promise<FileContent> {
  const chosen = new Set(input.ids ?? []);
  const awards = listAwards(ctx, { kind: input.kind }).filter((a) => !input.ids || chosen.has(a.id)).reverse();
  // Progress by page, and a cancel honoured between pages.
  const bytes = await certificatesPdf(ctx, awards, getLayout(ctx, input.kind), job);
  job.progress(awards.length, awards.length);
  return file(ctx, `${AWARD_KIND_LABELS_ZH[input.kind]}证书`, 'pdf', { bytes, missing: [] });
}
