// The lists a secretariat hands out besides the roster: the 通讯录 (one row per person, for mail
// merge), the talent supply and demand lists, and a meeting's sign-in sheet with each attendee's
// 职务 and spare rows for walk-ins.
import { getProfile } from '../../alliance/alliance.js';
import { todayIso, type ServiceContext } from '../../contract/context.js';
import type { MeetingEvent } from '../../events/contract.js';
import { contactFields, memberFields } from '../../members/fields.js';
import { rosterMembers, ROSTER_STATUSES, type RosterFilter } from '../../members/roster.js';
import { listTalentItems } from '../../talent/talent.js';
import { talentFields } from '../../talent/fields.js';
import { heading } from './columns.js';
import { chineseDate } from '../../records/dates.js';
import type { ReportTable } from './table.js';

export function asOfToday(ctx: ServiceContext, count: string): string {
  return `截至${chineseDate(todayIso(ctx))}，共${count}`;
}

interface ContactRecord {
  organizationId: string;
  name: string;
  title: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
}

/** Every contact of the given members (all members when none are given), primary first, then in their order. */
function contactsByMember(ctx: ServiceContext, organizationIds?: string[]): Map<string, ContactRecord[]> {
  const columns = 'SELECT organization_id AS organizationId, name, title, mobile, phone, email FROM contacts';
  const order = 'ORDER BY organization_id, is_primary DESC, sort_order';
  const rows = (
    organizationIds
      ? ctx.sqlite.prepare(`${columns} WHERE organization_id IN (SELECT value FROM json_each(?)) ${order}`).all(JSON.stringify(organizationIds))
      : ctx.sqlite.prepare(`${columns} ${order}`).all()
  ) as ContactRecord[];
  const byMember = new Map<string, ContactRecord[]>();
  for (const row of rows) {
    const list = byMember.get(row.organizationId);
    if (list) list.push(row);
    else byMember.set(row.organizationId, [row]);
  }
  return byMember;
}

/** The talent list's name: both directions, or the one asked for. */
export function talentListName(direction?: 'supply' | 'demand'): string {
  return direction === 'supply' ? '人才供给信息表' : direction === 'demand' ? '人才需求信息表' : '人才供需信息表';
}

export const CONTACT_LIST_HEADER = [heading(memberFields.name), '姓名', heading(contactFields.title), heading(contactFields.mobile), '固定电话', heading(contactFields.email), '通讯地址', heading(memberFields.postcode)];

/** 通讯录: a row per person (a unit without contacts still has its row), in the roster's order and filters. */
export function contactsTable(ctx: ServiceContext, filter: RosterFilter): ReportTable {
  const members = rosterMembers(ctx, filter);
  const details = new Map(
    (ctx.sqlite.prepare(`SELECT id, address, postcode FROM organizations WHERE status IN (${ROSTER_STATUSES.map(() => '?').join(', ')})`).all(...ROSTER_STATUSES) as { id: string; address: string | null; postcode: string | null }[]).map((d) => [d.id, d]),
  );
  const contacts = contactsByMember(ctx);
  const rows: (string | number)[][] = [];
  for (const member of members) {
    const place = details.get(member.id);
    const people = contacts.get(member.id) ?? [];
    const unit = [member.name];
    const address = [place?.address ?? '', place?.postcode ?? ''];
    if (people.length === 0) rows.push([...unit, '', '', '', '', '', ...address]);
    for (const p of people) rows.push([...unit, p.name, p.title ?? '', p.mobile ?? '', p.phone ?? '', p.email ?? '', ...address]);
  }
  return {
    title: `${getProfile(ctx)?.name ?? ''}通讯录`,
    subtitle: asOfToday(ctx, `${members.length}家单位、${rows.length}条`),
    // The headings a mail merge's fields take their names from.
    header: CONTACT_LIST_HEADER,
    sections: [{ rows }],
    landscape: true,
  };
}

/** 人才供给信息表 and 人才需求信息表, as one table with a section each (or only the one asked for). */
export function talentTable(ctx: ServiceContext, direction?: 'supply' | 'demand'): ReportTable {
  const sections = (['supply', 'demand'] as const)
    .filter((d) => !direction || d === direction)
    .map((d) => {
      const items = listTalentItems(ctx, { direction: d });
      return {
        heading: `${d === 'supply' ? '人才供给' : '人才需求'}（${items.length}项）`,
        rows: items.map((item, i) => [i + 1, item.organizationName, item.field, item.level ?? '', item.headcount ?? '', item.period ?? '', item.eventTitle ?? '', item.notes ?? '']),
      };
    });
  const total = sections.reduce((sum, s) => sum + s.rows.length, 0);
  return {
    title: `${getProfile(ctx)?.name ?? ''}${talentListName(direction)}`,
    subtitle: asOfToday(ctx, `${total}项`),
    header: ['序号', heading(talentFields.organizationId), heading(talentFields.field), heading(talentFields.level), heading(talentFields.headcount), heading(talentFields.period), heading(talentFields.eventId), heading(talentFields.notes)],
    sections,
    landscape: true,
  };
}

/** Blank rows on a sign-in sheet for walk-ins, unless the clerk asks for another number. */
export const SPARE_SIGN_IN_ROWS = 5;
/** Blank rows when nobody was invited in the app: the whole sheet is signed by hand. */
const BLANK_SIGN_IN_ROWS = 20;
/** An ideographic space, as Chinese documents separate a date from a place. */
const GAP = '\u3000';

export function meetingWhen(event: MeetingEvent): string {
  const time = [event.startTime, event.endTime].filter(Boolean).join('—');
  return [chineseDate(event.date), time].filter(Boolean).join(' ');
}

/** 签到表: the invited units with the person coming and their 职务 (from the unit's contacts), then spare rows. */
export function signInTable(ctx: ServiceContext, event: MeetingEvent, spareRows = SPARE_SIGN_IN_ROWS): ReportTable {
  // Only the invited units' contacts, not the whole register's.
  const contacts = contactsByMember(ctx, event.attendance.map((a) => a.organizationId));
  const invited = event.attendance.map((a, i) => {
    const people = contacts.get(a.organizationId) ?? [];
    // The person named for the meeting, with their title when the unit lists them; else the unit's first contact.
    const person = a.person ? (people.find((p) => p.name === a.person) ?? { name: a.person, title: null }) : (people[0] ?? null);
    return [i + 1, a.organizationName, person?.name ?? '', person?.title ?? '', ''];
  });
  const blanks = invited.length ? spareRows : Math.max(spareRows, BLANK_SIGN_IN_ROWS);
  const spare = Array.from({ length: blanks }, (_, i) => [invited.length + i + 1, '', '', '', '']);
  return {
    title: `${event.title}签到表`,
    subtitle: `${meetingWhen(event)}${GAP}${event.venue ?? ''}`.trim(),
    header: ['序号', '单位名称', '姓名', '职务', '签名'],
    sections: [{ rows: [...invited, ...spare] }],
  };
}
