// What the secretariat hands out, as tables: the member roster (成员单位名单) and the agreement
// summary (协议汇总表) with subtotals by type and a sheet of agreements expiring within 90 days.
import { asc } from 'drizzle-orm';
import { agreements } from '../../../db/schema.js';
import { agreementFilter, agreementRows } from '../../agreements/agreement-list.js';
import type { AgreementFilters, AgreementRow } from '../../agreements/contract.js';
import { agreementFields, partyFields } from '../../agreements/fields.js';
import { contactFields, memberFields } from '../../members/fields.js';
import { cellText, heading } from './columns.js';
import { getProfile } from '../../alliance/alliance.js';
import { AGREEMENT_STATE_LABELS_ZH, AGREEMENT_TYPES, COUNCIL_OFFICE_LABELS_ZH, MEMBER_ROLES } from '../../contract/codes.js';
import { todayIso } from '../../contract/context.js';
import { contactColumns, firstContacts } from '../../members/contacts.js';
import { councilAsOf } from '../../terms/council-as-of.js';
import type { ServiceContext } from '../../contract/context.js';
import type { RosterOrder } from '../../members/contract.js';
import { rosterGroups, rosterHeading, rosterMembers, type RosterFilter } from '../../members/roster.js';

/** The phone a list prints for a contact: the mobile, else the landline. */
const PHONE_HEADING = '联系电话';
const roleText = memberFields.role.labelsZh;
import type { ReportSheet, ReportTable } from './table.js';
import { asOfToday } from './lists.js';
import { chineseDate } from '../../records/dates.js';
import { readUscc } from '../../members/uscc.js';

const USCC_READING_HEADING = '代码登记信息';

/** 企业 · 工商（市场监督管理） · 吉林省长春市: what a credit code says, for the internal roster. */
export function usccReadingText(uscc: string | null): string {
  const reading = uscc ? readUscc(uscc) : null;
  return reading ? [reading.kind, reading.department, reading.region ?? `区划 ${reading.regionCode}`].join(' · ') : '';
}

export function rosterTable(ctx: ServiceContext, options: { includeUscc: boolean } & RosterFilter): ReportTable {
  // Straight from the member rows to the table's cells: a 100k roster is held once, not as rows, roster
  // objects and cells at the same time.
  const members = rosterMembers(ctx, options);
  // The internal version has the credit code and what it says: registering department, kind of body, region.
  const header = ['序号', heading(memberFields.name), heading(memberFields.role), heading(contactFields.name), heading(contactFields.title), PHONE_HEADING, ...(options.includeUscc ? [heading(memberFields.uscc), USCC_READING_HEADING] : [])];
  return {
    title: `${getProfile(ctx)?.name ?? ''}成员单位名单`,
    subtitle: asOfToday(ctx, `${members.length}家`),
    header,
    sections: rosterGroups(members).map((group) => ({
      heading: rosterHeading(group.category, group.rows.length),
      rows: group.rows.map((r, i) => [i + 1, r.name, roleText[r.role], r.contactName ?? '', r.contactTitle ?? '', r.contactPhone ?? '', ...(options.includeUscc ? [r.uscc ?? '', usccReadingText(r.uscc)] : [])]),
    })),
  };
}

/**
 * 理事会组成名单 as of a day (today by default), read from the term in office that day: its officers
 * (理事长, 秘书长 … with their units), then every seat held that day by rank, with the unit's representative.
 */
export function councilTable(ctx: ServiceContext, order: RosterOrder = 'rolePinyin', asOf?: string): ReportTable {
  const date = asOf ?? todayIso(ctx);
  const council = councilAsOf(ctx, date, order);
  const contacts = firstContacts(ctx, council.members.map((m) => m.organizationId));
  const groups = MEMBER_ROLES.map((role) => ({ role, rows: council.members.filter((m) => m.role === role) })).filter((g) => g.rows.length > 0);
  const categoryOf = new Map(council.members.map((m) => [m.organizationId, m.category]));
  return {
    title: `${getProfile(ctx)?.name ?? ''}${council.term ? council.term.name : '理事会'}组成名单`,
    subtitle: `截至${chineseDate(date)}，共${council.members.length}家`,
    header: ['序号', heading(memberFields.name), heading(memberFields.category), '代表', heading(contactFields.title), PHONE_HEADING],
    sections: [
      ...(council.officers.length > 0
        ? [
            {
              heading: `理事会负责人（${council.officers.length}人）`,
              rows: council.officers.map((o, i) => {
                const category = o.organizationId ? categoryOf.get(o.organizationId) : undefined;
                return [i + 1, o.organizationName ?? '', category ? cellText(memberFields.category, category) : '', o.personName, COUNCIL_OFFICE_LABELS_ZH[o.office], ''];
              }),
            },
          ]
        : []),
      ...groups.map((group) => ({
        heading: `${roleText[group.role]}（${group.rows.length}家）`,
        rows: group.rows.map((m, i) => {
          const c = contactColumns(contacts.get(m.organizationId));
          return [i + 1, m.name, cellText(memberFields.category, m.category), c.contactName ?? '', c.contactTitle ?? '', c.contactPhone ?? ''];
        }),
      })),
    ],
  };
}

const SUMMARY_HEADER = [
  '序号',
  heading(agreementFields.number),
  heading(agreementFields.title),
  heading(agreementFields.type),
  '签约各方',
  heading(partyFields.signatoryName),
  heading(agreementFields.signedDate),
  heading(agreementFields.eventId),
  heading(agreementFields.expiresOn),
  '状态',
  heading(agreementFields.summary),
];

function summaryRow(seq: number, a: AgreementRow, summaries: Map<string, string>): (string | number)[] {
  return [
    seq,
    a.number,
    a.title,
    cellText(agreementFields.type, a.type),
    a.parties.map((p) => p.name).join('、'),
    a.parties.map((p) => p.signatoryName ?? '').filter(Boolean).join('、'),
    a.signedDate ?? '',
    a.eventTitle ?? '',
    a.expiresOn ?? '',
    AGREEMENT_STATE_LABELS_ZH[a.state],
    summaries.get(a.id) ?? '',
  ];
}

export function agreementSummarySheets(ctx: ServiceContext, filters: AgreementFilters): ReportSheet[] {
  const profile = getProfile(ctx);
  const rows = agreementRows(ctx, agreementFilter(ctx, filters), [asc(agreements.type), asc(agreements.signedDate), asc(agreements.number)]);
  const summaries = new Map(
    (ctx.sqlite.prepare('SELECT id, summary FROM agreements WHERE summary IS NOT NULL').all() as { id: string; summary: string }[]).map((r) => [r.id, r.summary]),
  );
  const byType = AGREEMENT_TYPES.map((type) => ({ type, rows: rows.filter((r) => r.type === type) })).filter((g) => g.rows.length > 0);
  const expiring = agreementRows(ctx, agreementFilter(ctx, { ...filters, states: ['expiring'] }), [asc(agreements.expiresOn)]);
  const subtitle = asOfToday(ctx, `${rows.length}份`);
  const name = profile?.name ?? '';
  return [
    {
      sheetName: '协议汇总表',
      title: `${name}合作协议汇总表`,
      subtitle,
      header: SUMMARY_HEADER,
      landscape: true,
      sections: [
        ...byType.map((group) => ({
          heading: `${cellText(agreementFields.type, group.type)}（${group.rows.length}份）`,
          rows: group.rows.map((a, i) => summaryRow(i + 1, a, summaries)),
          footer: ['', `小计：${group.rows.length} 份`],
        })),
        // The grand total closes the summary, by type as the subtotals were.
        ...(byType.length > 0 ? [{ heading: '总计', rows: [], footer: ['', `合计：${rows.length} 份`, byType.map((g) => `${cellText(agreementFields.type, g.type)} ${g.rows.length} 份`).join('，')] }] : []),
      ],
    },
    {
      sheetName: '90天内到期',
      title: `${name}90 天内到期的合作协议`,
      subtitle: asOfToday(ctx, `${expiring.length}份`),
      header: SUMMARY_HEADER,
      landscape: true,
      sections: [{ rows: expiring.map((a, i) => summaryRow(i + 1, a, summaries)) }],
    },
  ];
}
