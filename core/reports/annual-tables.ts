// The annual report's tables: each figure computed by an aggregate query for speed, and each figure's
// list (the records behind it) by a second, independent query — what a click in the app shows and
// what the test recomputes every figure from.
import { AGREEMENT_TYPES, AGREEMENT_TYPE_LABELS_ZH, CATEGORY_LABELS_ZH, EVENT_TYPES, EVENT_TYPE_LABELS_ZH, ORGANIZATION_CATEGORIES, PROJECT_KINDS, TERM_CHANGE_KINDS, TERM_CHANGE_LABELS_ZH } from '../contract/codes.js';
import type { ServiceContext } from '../contract/context.js';
import { FIGURE_KEYS } from '../projects/fields.js';
import { projectKindName } from '../projects/fields.js';
import { TOTAL, type TraceItem } from './contract.js';

export { TOTAL };


export interface Period {
  year: number;
  start: string;
  end: string;
  /** The day before the year: the register "at the start". */
  before: string;
}

export function periodOf(year: number): Period {
  return { year, start: `${year}-01-01`, end: `${year}-12-31`, before: `${year - 1}-12-31` };
}

export interface TableSpec {
  key: string;
  title: string;
  columns: { key: string; label: string; sum?: boolean }[];
  rows(ctx: ServiceContext, p: Period): { key: string; label: string }[];
  /** Figures by row key then column key; rows or columns absent are 0. */
  figures(ctx: ServiceContext, p: Period): Map<string, Record<string, number>>;
  /** The records behind one figure: its count, or (a sum column) their values' sum, is the figure. */
  trace(ctx: ServiceContext, p: Period, row: string, column: string): TraceItem[];
}

const all = <T>(ctx: ServiceContext, sql: string, params: Record<string, unknown>) => ctx.sqlite.prepare(sql).all(params) as T[];

function add(map: Map<string, Record<string, number>>, row: string, column: string, value: number): void {
  const figures = map.get(row) ?? {};
  figures[column] = (figures[column] ?? 0) + value;
  map.set(row, figures);
}

/** Adds the 合计 row: every row's figures summed. */
function withTotal(map: Map<string, Record<string, number>>): Map<string, Record<string, number>> {
  for (const [row, figures] of [...map]) for (const [column, value] of Object.entries(figures)) if (row !== TOTAL) add(map, TOTAL, column, value);
  return map;
}

const totalRow = { key: TOTAL, label: '合计' };

// ── Members: status history, each member's status at a day is its latest event on or before it ──

/** Each member's status on a day (its latest status event by then). */
const STATUS_ON = `
  SELECT organization_id, status FROM (
    SELECT organization_id, status, row_number() OVER (PARTITION BY organization_id ORDER BY date DESC, rowid DESC) AS n
      FROM member_status_events WHERE date <= @day) WHERE n = 1`;

/** Status events with the status before them: a join is into good standing, an exit out of the register. */
const TRANSITIONS = `
  SELECT organization_id, status, date, reason, lag(status) OVER (PARTITION BY organization_id ORDER BY date, rowid) AS before FROM member_status_events`;
const JOINED = `t.status = 'active' AND coalesce(t.before, 'none') NOT IN ('active', 'suspended')`;
const LEFT = `t.status IN ('withdrawn', 'expelled') AND coalesce(t.before, 'none') NOT IN ('withdrawn', 'expelled')`;

const MEMBER_COLUMNS = [
  { key: 'start', label: '年初' },
  { key: 'joined', label: '加入' },
  { key: 'left', label: '退出' },
  { key: 'end', label: '年末' },
];

function memberListSql(column: string): string {
  switch (column) {
    case 'start':
    case 'end':
      return `SELECT o.id, o.name, o.category, s.status AS detail FROM (${STATUS_ON}) s JOIN organizations o ON o.id = s.organization_id WHERE s.status IN ('active', 'suspended')`;
    default:
      return `SELECT o.id, o.name, o.category, t.date AS detail FROM (${TRANSITIONS}) t JOIN organizations o ON o.id = t.organization_id
               WHERE t.date BETWEEN @start AND @end AND ${column === 'joined' ? JOINED : LEFT}`;
  }
}

const membersTable: TableSpec = {
  key: 'members',
  title: '成员单位变动',
  columns: MEMBER_COLUMNS,
  rows: () => [...ORGANIZATION_CATEGORIES.map((c) => ({ key: c, label: CATEGORY_LABELS_ZH[c] })), totalRow],
  figures(ctx, p) {
    // One ordered pass over every status event (by member, then date): four window queries over 100k
    // members took 2 s; this takes a tenth. The lists (trace) keep the SQL definitions above, so the
    // test that recomputes every figure from its list compares two independent computations.
    const categoryOf = new Map(ctx.sqlite.prepare('SELECT id, category FROM organizations').raw().all() as [string, string][]);
    const map = new Map<string, Record<string, number>>();
    const good = (s: string | null) => s === 'active' || s === 'suspended';
    const gone = (s: string | null) => s === 'withdrawn' || s === 'expelled';
    // Read in the table's own order (a sequential scan), grouped by member, then each member's events
    // in date order (rowid breaks ties: the order they were recorded).
    const byMember = new Map<string, [string, string, number][]>();
    for (const [organizationId, status, date, rowid] of ctx.sqlite.prepare('SELECT organization_id, status, date, rowid FROM member_status_events').raw().all() as [string, string, string, number][]) {
      const list = byMember.get(organizationId);
      if (list) list.push([status, date, rowid]);
      else byMember.set(organizationId, [[status, date, rowid]]);
    }
    for (const [member, events] of byMember) {
      if (events.length > 1) events.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2]));
      const category = categoryOf.get(member)!;
      let previous: string | null = null;
      let atStart: string | null = null;
      let atEnd: string | null = null;
      for (const [status, date] of events) {
        if (date <= p.before) atStart = status;
        if (date <= p.end) atEnd = status;
        if (date >= p.start && date <= p.end) {
          if (status === 'active' && !good(previous)) add(map, category, 'joined', 1);
          if (gone(status) && !gone(previous)) add(map, category, 'left', 1);
        }
        previous = status;
      }
      if (good(atStart)) add(map, category, 'start', 1);
      if (good(atEnd)) add(map, category, 'end', 1);
    }
    return withTotal(map);
  },
  trace(ctx, p, row, column) {
    const day = column === 'start' ? p.before : p.end;
    return all<{ id: string; name: string; category: string; detail: string }>(ctx, `${memberListSql(column)} ${row === TOTAL ? '' : 'AND o.category = @category'} ORDER BY o.pinyin_key`, { day, start: p.start, end: p.end, category: row }).map((r) => ({
      kind: 'member',
      id: r.id,
      name: r.name,
      detail: r.detail,
    }));
  },
};

// ── The council: mid-term changes in the year, and a new term made current in it ──

const councilTable: TableSpec = {
  key: 'council',
  title: '理事会变动',
  columns: [{ key: 'count', label: '次数' }],
  rows: () => [...TERM_CHANGE_KINDS.map((k) => ({ key: k, label: TERM_CHANGE_LABELS_ZH[k] })), { key: 'newTerm', label: '换届' }, totalRow],
  figures(ctx, p) {
    const map = new Map<string, Record<string, number>>();
    for (const r of all<{ kind: string; n: number }>(ctx, `SELECT kind, count(*) AS n FROM term_changes WHERE date BETWEEN @start AND @end GROUP BY kind`, p as never)) add(map, r.kind, 'count', r.n);
    const terms = ctx.sqlite.prepare(`SELECT count(*) FROM council_terms WHERE state <> 'draft' AND start_date BETWEEN @start AND @end AND coalesce(ordinal, 0) <> 1`).pluck().get(p) as number;
    if (terms) add(map, 'newTerm', 'count', terms);
    return withTotal(map);
  },
  trace(ctx, p, row) {
    const changes =
      row === 'newTerm'
        ? []
        : all<{ id: string; name: string; detail: string }>(
            ctx,
            `SELECT c.id, o.name, c.date AS detail FROM term_changes c JOIN organizations o ON o.id = c.organization_id WHERE c.date BETWEEN @start AND @end ${row === TOTAL ? '' : 'AND c.kind = @kind'} ORDER BY c.date`,
            { ...p, kind: row },
          ).map((r) => ({ kind: 'termChange' as const, ...r }));
    const terms =
      row === 'newTerm' || row === TOTAL
        ? all<{ id: string; ordinal: number | null; detail: string }>(ctx, `SELECT id, ordinal, start_date AS detail FROM council_terms WHERE state <> 'draft' AND start_date BETWEEN @start AND @end AND coalesce(ordinal, 0) <> 1`, p as never).map((r) => ({
            kind: 'term' as const,
            id: r.id,
            name: r.ordinal == null ? '理事会' : `第${r.ordinal}届理事会`,
            detail: r.detail,
          }))
        : [];
    return [...changes, ...terms];
  },
};

// ── Agreements: signed in the year by type and by month; in force at its end; expiring the next year ──

const SIGNED_IN = `status IN ('signed', 'terminated') AND signed_date BETWEEN @start AND @end`;
const IN_FORCE_AT_END = `status IN ('signed', 'terminated') AND coalesce(effective_date, signed_date) <= @end AND (expires_on IS NULL OR expires_on >= @end) AND (terminated_date IS NULL OR terminated_date > @end)`;
const EXPIRING_NEXT = `${IN_FORCE_AT_END} AND expires_on BETWEEN @nextStart AND @nextEnd`;

function agreementCondition(column: string): string {
  return column === 'signed' ? SIGNED_IN : column === 'inForce' ? IN_FORCE_AT_END : EXPIRING_NEXT;
}

function agreementParams(p: Period) {
  return { start: p.start, end: p.end, nextStart: `${p.year + 1}-01-01`, nextEnd: `${p.year + 1}-12-31` };
}

function agreementTrace(ctx: ServiceContext, where: string, params: Record<string, unknown>): TraceItem[] {
  return all<{ id: string; number: string; title: string; detail: string | null }>(ctx, `SELECT id, number, title, signed_date AS detail FROM agreements WHERE ${where} ORDER BY signed_date, number`, params).map((r) => ({
    kind: 'agreement',
    id: r.id,
    name: `${r.number} ${r.title}`,
    detail: r.detail ?? '',
  }));
}

const agreementsByType: TableSpec = {
  key: 'agreementsByType',
  title: '合作协议（按类型）',
  columns: [
    { key: 'signed', label: '本年签订' },
    { key: 'inForce', label: '年末有效' },
    { key: 'expiringNext', label: '次年到期' },
  ],
  rows: () => [...AGREEMENT_TYPES.map((t) => ({ key: t, label: AGREEMENT_TYPE_LABELS_ZH[t] })), totalRow],
  figures(ctx, p) {
    // One scan of the agreements for the three columns (three scans of 300k took 0.6 s).
    const map = new Map<string, Record<string, number>>();
    const sums = ['signed', 'inForce', 'expiringNext'].map((column) => `sum(CASE WHEN ${agreementCondition(column)} THEN 1 ELSE 0 END) AS ${column}`).join(', ');
    for (const r of all<{ type: string; signed: number; inForce: number; expiringNext: number }>(ctx, `SELECT type, ${sums} FROM agreements GROUP BY type`, agreementParams(p))) {
      for (const column of ['signed', 'inForce', 'expiringNext'] as const) if (r[column]) add(map, r.type, column, r[column]);
    }
    return withTotal(map);
  },
  trace: (ctx, p, row, column) => agreementTrace(ctx, `${agreementCondition(column)} ${row === TOTAL ? '' : 'AND type = @type'}`, { ...agreementParams(p), type: row }),
};

const agreementsByMonth: TableSpec = {
  key: 'agreementsByMonth',
  title: '合作协议（按月签订）',
  columns: [...AGREEMENT_TYPES.map((t) => ({ key: t, label: AGREEMENT_TYPE_LABELS_ZH[t] })), { key: TOTAL, label: '合计' }],
  rows: () => [...Array.from({ length: 12 }, (_, i) => ({ key: String(i + 1), label: `${i + 1}月` })), totalRow],
  figures(ctx, p) {
    const map = new Map<string, Record<string, number>>();
    for (const r of all<{ month: number; type: string; n: number }>(ctx, `SELECT CAST(substr(signed_date, 6, 2) AS INTEGER) AS month, type, count(*) AS n FROM agreements WHERE ${SIGNED_IN} GROUP BY 1, 2`, agreementParams(p))) {
      add(map, String(r.month), r.type, r.n);
      add(map, String(r.month), TOTAL, r.n);
    }
    return withTotal(map);
  },
  trace(ctx, p, row, column) {
    const conditions = [SIGNED_IN, row === TOTAL ? '' : `CAST(substr(signed_date, 6, 2) AS INTEGER) = @month`, column === TOTAL ? '' : 'type = @type'].filter(Boolean).join(' AND ');
    return agreementTrace(ctx, conditions, { ...agreementParams(p), month: Number(row), type: column });
  },
};

// ── Events held in the year, with the units that attended (attended or by proxy) ──

const ATTENDED = `a.status IN ('attended', 'proxy')`;

const eventsTable: TableSpec = {
  key: 'events',
  title: '会议活动',
  columns: [
    { key: 'held', label: '场次' },
    { key: 'attendance', label: '参会单位（家次）', sum: true },
  ],
  rows: () => [...EVENT_TYPES.map((t) => ({ key: t, label: EVENT_TYPE_LABELS_ZH[t] })), totalRow],
  figures(ctx, p) {
    const map = new Map<string, Record<string, number>>();
    for (const r of all<{ type: string; held: number; attendance: number }>(
      ctx,
      `SELECT e.type, count(*) AS held, sum((SELECT count(*) FROM attendance a WHERE a.event_id = e.id AND ${ATTENDED})) AS attendance FROM events e WHERE e.date BETWEEN @start AND @end GROUP BY e.type`,
      p as never,
    )) {
      add(map, r.type, 'held', r.held);
      add(map, r.type, 'attendance', r.attendance);
    }
    return withTotal(map);
  },
  trace(ctx, p, row, column) {
    const rows = all<{ id: string; title: string; date: string; attended: number }>(
      ctx,
      `SELECT e.id, e.title, e.date, (SELECT count(*) FROM attendance a WHERE a.event_id = e.id AND ${ATTENDED}) AS attended FROM events e WHERE e.date BETWEEN @start AND @end ${row === TOTAL ? '' : 'AND e.type = @type'} ORDER BY e.date`,
      { ...p, type: row },
    );
    return rows.map((r) => ({ kind: 'event', id: r.id, name: r.title, detail: r.date, ...(column === 'attendance' ? { value: r.attended } : {}) }));
  },
};

// ── Projects running in the year or reporting for it, by kind, with the year's figures summed ──

const PROJECT_IN_YEAR = `((coalesce(p.start_date, '0000') <= @end AND coalesce(p.end_date, '9999') >= @start) OR EXISTS (SELECT 1 FROM project_figures f WHERE f.project_id = p.id AND f.year = @year))`;
const FIGURE_COLUMN: Record<string, string> = { studentsEnrolled: 'students_enrolled', trainees: 'trainees', interns: 'interns', hires: 'hires', serviceContractYuan: 'service_contract_yuan', basesBuilt: 'bases_built' };
const FIGURE_LABELS: Record<string, string> = { studentsEnrolled: '学生（人）', trainees: '培训（人次）', interns: '实习（人）', hires: '就业（人）', serviceContractYuan: '服务合同额（元）', basesBuilt: '实训基地（个）' };

const projectsTable: TableSpec = {
  key: 'projects',
  title: '合作项目',
  columns: [{ key: 'count', label: '项目数' }, ...FIGURE_KEYS.map((k) => ({ key: k, label: FIGURE_LABELS[k]!, sum: true }))],
  rows(ctx) {
    const custom = ctx.sqlite.prepare('SELECT DISTINCT kind FROM projects ORDER BY kind').pluck().all() as string[];
    const kinds = [...PROJECT_KINDS, ...custom.filter((k) => !(PROJECT_KINDS as readonly string[]).includes(k))];
    return [...kinds.map((k) => ({ key: k, label: projectKindName(k) })), totalRow];
  },
  figures(ctx, p) {
    const map = new Map<string, Record<string, number>>();
    const sums = FIGURE_KEYS.map((k) => `coalesce(sum(f.${FIGURE_COLUMN[k]}), 0) AS ${k}`).join(', ');
    for (const r of all<Record<string, number> & { kind: string; n: number }>(
      ctx,
      `SELECT p.kind, count(DISTINCT p.id) AS n, ${sums} FROM projects p LEFT JOIN project_figures f ON f.project_id = p.id AND f.year = @year WHERE ${PROJECT_IN_YEAR} GROUP BY p.kind`,
      { year: p.year, start: p.start, end: p.end },
    )) {
      add(map, r.kind, 'count', r.n);
      for (const k of FIGURE_KEYS) add(map, r.kind, k, r[k]!);
    }
    return withTotal(map);
  },
  trace(ctx, p, row, column) {
    const value = column === 'count' ? 'NULL' : `(SELECT f.${FIGURE_COLUMN[column]} FROM project_figures f WHERE f.project_id = p.id AND f.year = @year)`;
    const rows = all<{ id: string; name: string; detail: string | null; value: number | null }>(
      ctx,
      `SELECT p.id, p.name, p.start_date AS detail, ${value} AS value FROM projects p WHERE ${PROJECT_IN_YEAR} ${row === TOTAL ? '' : 'AND p.kind = @kind'} ORDER BY p.name`,
      { year: p.year, start: p.start, end: p.end, kind: row },
    );
    return rows.map((r) => ({ kind: 'project', id: r.id, name: r.name, detail: r.detail ?? '', ...(column === 'count' ? {} : { value: r.value ?? 0 }) }));
  },
};

// ── Talent supply and demand released in the year (at an event held in it, or recorded in it) ──

const TALENT_IN_YEAR = `coalesce((SELECT e.date FROM events e WHERE e.id = t.event_id), substr(t.created_at, 1, 10)) BETWEEN @start AND @end`;

const talentTable: TableSpec = {
  key: 'talent',
  title: '人才供需',
  columns: [
    { key: 'items', label: '条数' },
    { key: 'headcount', label: '人数', sum: true },
  ],
  rows: () => [
    { key: 'supply', label: '供给' },
    { key: 'demand', label: '需求' },
  ],
  figures(ctx, p) {
    const map = new Map<string, Record<string, number>>();
    for (const r of all<{ direction: string; items: number; headcount: number }>(ctx, `SELECT t.direction, count(*) AS items, coalesce(sum(t.headcount), 0) AS headcount FROM talent_items t WHERE ${TALENT_IN_YEAR} GROUP BY t.direction`, p as never)) {
      add(map, r.direction, 'items', r.items);
      add(map, r.direction, 'headcount', r.headcount);
    }
    return map;
  },
  trace(ctx, p, row, column) {
    return all<{ id: string; field: string; org: string; headcount: number | null }>(
      ctx,
      `SELECT t.id, t.field, o.name AS org, t.headcount FROM talent_items t JOIN organizations o ON o.id = t.organization_id WHERE ${TALENT_IN_YEAR} AND t.direction = @direction ORDER BY o.pinyin_key, t.field`,
      { ...p, direction: row },
    ).map((r) => ({ kind: 'talent', id: r.id, name: `${r.org}：${r.field}`, detail: '', ...(column === 'headcount' ? { value: r.headcount ?? 0 } : {}) }));
  },
};

/** The report's tables in the order it prints them. */
export const ANNUAL_TABLES: TableSpec[] = [membersTable, councilTable, agreementsByType, agreementsByMonth, eventsTable, projectsTable, talentTable];
