// What the secretariat hands out, as tables: the member roster (成员单位名单) and the agreement
// summary (协议汇总表) with subtotals by type and a sheet of agreements expiring within 90 days.
import { asc } from 'drizzle-orm';
import { agreements } from '../../../db/schema.js';
import type { ApiParsed } from '../../contract/registry.js';

export type AgreementExportFilters = Omit<ApiParsed<'exports.agreements'>, 'format'>;
import { agreementFilter, agreementRows } from '../../agreements/agreements.js';
import { getProfile } from '../../alliance/alliance.js';
import { AGREEMENT_STATE_LABELS_ZH, AGREEMENT_TYPE_LABELS_ZH, AGREEMENT_TYPES, CATEGORY_LABELS_ZH, MEMBER_ROLES, ROLE_LABELS_ZH } from '../../contract/codes.js';
import { todayIso, type ServiceContext } from '../../contract/context.js';
import { rosterGroups, rosterHeading, rosterMembers, type RosterFilter } from '../../members/roster.js';
import type { AgreementRow } from '../../contract/types.js';
import type { ReportSheet, ReportTable } from './table.js';

export function rosterTable(ctx: ServiceContext, options: { includeUscc: boolean } & RosterFilter): ReportTable {
  // Straight from the member rows to the table's cells: a 100k roster is held once, not as rows, roster
  // objects and cells at the same time.
  const members = rosterMembers(ctx, options);
  const header = ['序号', '单位名称', '联合体职务', '联系人', '职务', '联系电话', ...(options.includeUscc ? ['统一社会信用代码'] : [])];
  return {
    title: `${getProfile(ctx)?.name ?? ''}成员单位名单`,
    subtitle: `截至 ${todayIso(ctx)}，共 ${members.length} 家`,
    header,
    sections: rosterGroups(members).map((group) => ({
      heading: rosterHeading(group.category, group.rows.length),
      rows: group.rows.map((r, i) => [i + 1, r.name, ROLE_LABELS_ZH[r.role], r.contactName ?? '', r.contactTitle ?? '', r.contactPhone ?? '', ...(options.includeUscc ? [r.uscc ?? ''] : [])]),
    })),
  };
}

/** 理事会组成名单: every role holder (all but plain members) by rank, with the unit's representative. */
export function councilTable(ctx: ServiceContext): ReportTable {
  const holders = rosterMembers(ctx, { roles: MEMBER_ROLES.filter((r) => r !== 'member') });
  const groups = MEMBER_ROLES.map((role) => ({ role, rows: holders.filter((m) => m.role === role) })).filter((g) => g.rows.length > 0);
  return {
    title: `${getProfile(ctx)?.name ?? ''}理事会组成名单`,
    subtitle: `截至 ${todayIso(ctx)}，共 ${holders.length} 家`,
    header: ['序号', '单位名称', '单位类别', '代表', '职务', '联系电话'],
    sections: groups.map((group) => ({
      heading: `${ROLE_LABELS_ZH[group.role]}（${group.rows.length}家）`,
      rows: group.rows.map((m, i) => [i + 1, m.name, CATEGORY_LABELS_ZH[m.category], m.contactName ?? '', m.contactTitle ?? '', m.contactPhone ?? '']),
    })),
  };
}

const SUMMARY_HEADER = ['序号', '协议编号', '协议名称', '协议类型', '签约各方', '签约代表', '签订日期', '签约活动', '有效期至', '状态', '合作内容摘要'];

function summaryRow(seq: number, a: AgreementRow, summaries: Map<string, string>): (string | number)[] {
  return [
    seq,
    a.number,
    a.title,
    AGREEMENT_TYPE_LABELS_ZH[a.type],
    a.parties.map((p) => p.name).join('、'),
    a.parties.map((p) => p.signatoryName ?? '').filter(Boolean).join('、'),
    a.signedDate ?? '',
    a.eventTitle ?? '',
    a.expiresOn ?? '',
    AGREEMENT_STATE_LABELS_ZH[a.state],
    summaries.get(a.id) ?? '',
  ];
}

export function agreementSummarySheets(ctx: ServiceContext, filters: AgreementExportFilters): ReportSheet[] {
  const profile = getProfile(ctx);
  const rows = agreementRows(ctx, agreementFilter(ctx, filters), [asc(agreements.type), asc(agreements.signedDate), asc(agreements.number)]);
  const summaries = new Map(
    (ctx.sqlite.prepare('SELECT id, summary FROM agreements WHERE summary IS NOT NULL').all() as { id: string; summary: string }[]).map((r) => [r.id, r.summary]),
  );
  const byType = AGREEMENT_TYPES.map((type) => ({ type, rows: rows.filter((r) => r.type === type) })).filter((g) => g.rows.length > 0);
  const expiring = agreementRows(ctx, agreementFilter(ctx, { ...filters, states: ['expiring'] }), [asc(agreements.expiresOn)]);
  const subtitle = `截至 ${todayIso(ctx)}，共 ${rows.length} 份`;
  const name = profile?.name ?? '';
  return [
    {
      sheetName: '协议汇总表',
      title: `${name}合作协议汇总表`,
      subtitle,
      header: SUMMARY_HEADER,
      landscape: true,
      sections: byType.map((group) => ({
        heading: `${AGREEMENT_TYPE_LABELS_ZH[group.type]}（${group.rows.length}份）`,
        rows: group.rows.map((a, i) => summaryRow(i + 1, a, summaries)),
        footer: ['', `小计：${group.rows.length} 份`],
      })),
    },
    {
      sheetName: '90天内到期',
      title: `${name}90 天内到期的合作协议`,
      subtitle: `截至 ${todayIso(ctx)}，共 ${expiring.length} 份`,
      header: SUMMARY_HEADER,
      landscape: true,
      sections: [{ rows: expiring.map((a, i) => summaryRow(i + 1, a, summaries)) }],
    },
  ];
}
