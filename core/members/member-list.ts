// The member register's list: filters, order and one page at a time, fast at 100,000 members.
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { organizations } from '../../db/schema.js';
import { ORGANIZATION_CATEGORIES, roleRank } from '../contract/codes.js';
import { contactColumns, firstContacts } from './contacts.js';
import type { ServiceContext } from '../contract/context.js';
import { containsPattern } from '../text/search-text.js';
import type { MemberListInput, MemberPage, MemberRow } from './contract.js';

const categoryOrder = sql.raw(
  `CASE organizations.category ${ORGANIZATION_CATEGORIES.map((c, i) => `WHEN '${c}' THEN ${i}`).join(' ')} ELSE 99 END`,
);

const memberRowColumns = {
  rowid: sql<number>`organizations.rowid`,
  id: organizations.id,
  name: organizations.name,
  shortName: organizations.shortName,
  category: organizations.category,
  role: organizations.role,
  status: organizations.status,
  uscc: organizations.uscc,
  joinDate: organizations.joinDate,
  isSample: organizations.isSample,
};

export function memberFilter(input: Pick<MemberListInput, 'categories' | 'roles' | 'statuses' | 'text'>): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (input.categories?.length) conditions.push(inArray(organizations.category, input.categories));
  // By rank, not by code: the (category, role_rank, pinyin_key) index then serves the filter and the order.
  if (input.roles?.length) conditions.push(inArray(organizations.roleRank, input.roles.map(roleRank)));
  if (input.statuses?.length) conditions.push(inArray(organizations.status, input.statuses));
  if (input.text?.trim()) conditions.push(sql`${organizations.searchText} LIKE ${containsPattern(input.text)} ESCAPE '\\'`);
  return and(...conditions);
}

/** A list order as its keys, each with its direction. */
function orderKeys(input: MemberListInput): [SQL, 'ASC' | 'DESC'][] {
  const dir = input.direction === 'desc' ? 'DESC' : 'ASC';
  const pinyin: [SQL, 'ASC'] = [sql`organizations.pinyin_key`, 'ASC'];
  return {
    pinyin: [[sql`organizations.pinyin_key`, dir]],
    stroke: [[sql`organizations.stroke_key`, dir]],
    role: [[sql`organizations.role_rank`, dir], pinyin],
    joinDate: [[sql`organizations.join_date IS NULL`, 'ASC'], [sql`organizations.join_date`, dir], pinyin],
    category: [[categoryOrder, dir], [sql`organizations.role_rank`, 'ASC'], pinyin],
    manual: [[sql`organizations.roster_rank IS NULL`, 'ASC'], [sql`organizations.roster_rank`, dir], pinyin],
  }[input.sort] as [SQL, 'ASC' | 'DESC'][];
}

/**
 * How many rows, in the page's order, a text search reads before it gives up on finding the page
 * among them: enough for the common case (the first matches come early), few enough to stay a few ms.
 */
const SEARCH_WINDOW = 5000;

/** The page's rowids, in order. */
function pageRowids(ctx: ServiceContext, input: MemberListInput, where: SQL | undefined, total: number): number[] {
  const keys = orderKeys(input);
  const orderBy = sql.join(
    keys.map(([key, dir]) => sql`${key} ${sql.raw(dir)}`),
    sql`, `,
  );
  const page = sql`LIMIT ${input.limit} OFFSET ${input.offset}`;
  const rowids = (query: SQL) => ctx.db.values<[number]>(query).map((r) => r[0]);
  if (!input.text?.trim()) {
    // The filters and the order meet an index; SQLite walks it and stops after the page.
    return rowids(sql`SELECT organizations.rowid FROM organizations ${where ? sql`WHERE ${where}` : sql``} ORDER BY ${orderBy} ${page}`);
  }
  // A text search. Walking the order's index and testing each row finds the page in a few ms when
  // matches come early in the order, but read 90,000 rows (200 ms) for a term whose matches all sort
  // late (榆 in 榆树…). So the walk reads at most SEARCH_WINDOW rows; if the page is not among them, the
  // search index is scanned whole and its matches sorted: 20–45 ms at 100k members, whatever the term.
  const expected = Math.max(0, Math.min(input.limit, total - input.offset));
  if (expected === 0) return [];
  const others = memberFilter({ ...input, text: undefined });
  const window = Math.max(SEARCH_WINDOW, (input.offset + input.limit) * 4);
  const columns = sql.join(
    keys.map(([key], i) => sql`${key} AS ${sql.raw(`k${i}`)}`),
    sql`, `,
  );
  const windowOrder = sql.raw(keys.map(([, dir], i) => `k${i} ${dir}`).join(', '));
  // The outer query keeps the walk's order (SQLite reads the subquery as a co-routine, in order, and
  // stops once the page is found); ORDER BY states it.
  const inWindow = rowids(sql`SELECT rid FROM (
      SELECT organizations.rowid AS rid, organizations.search_text AS st, ${columns} FROM organizations
      ${others ? sql`WHERE ${others}` : sql``} ORDER BY ${orderBy} LIMIT ${window}
    ) WHERE st LIKE ${containsPattern(input.text)} ESCAPE '\\' ORDER BY ${windowOrder} ${page}`);
  if (inWindow.length === expected) return inWindow;
  return rowids(sql`SELECT organizations.rowid FROM organizations INDEXED BY organizations_search WHERE ${where} ORDER BY ${orderBy} ${page}`);
}

export function listMembers(ctx: ServiceContext, input: MemberListInput): MemberPage {
  const where = memberFilter(input);
  // With a text filter, count by scanning the covering search index: SQLite would otherwise pick the
  // category index and read each candidate's table row (77 ms → 15 ms at 100k members).
  const total = input.text?.trim()
    ? ctx.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM organizations INDEXED BY organizations_search WHERE ${where}`).n
    : ctx.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM organizations ${where ? sql`WHERE ${where}` : sql``}`).n;
  // The page's rowids first, then their columns and first contacts for those rows only.
  const rowids = pageRowids(ctx, input, where, total);
  const byRowid = new Map(
    (rowids.length ? ctx.db.select(memberRowColumns).from(organizations).where(inArray(sql`organizations.rowid`, rowids)).all() : []).map((r) => [r.rowid, r]),
  );
  const contacts = firstContacts(
    ctx,
    rowids.map((r) => byRowid.get(r)!.id),
  );
  const rows = rowids.map((rowid): MemberRow => {
    const { rowid: _, ...member } = byRowid.get(rowid)!;
    return { ...(member as Omit<MemberRow, 'contactName' | 'contactTitle' | 'contactPhone'>), ...contactColumns(contacts.get(member.id)) };
  });
  return { rows, total, offset: input.offset, limit: input.limit };
}
