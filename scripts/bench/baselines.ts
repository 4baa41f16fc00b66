// What the library and the database can do on their own, measured in the same run as our code:
// exceljs's streaming reader and writer, and raw better-sqlite3 prepared inserts.
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { roleRank } from '../../core/contract/codes.js';
import { inputKeys } from '../../core/contract/fields.js';
import { contactFields, memberFields } from '../../core/members/fields.js';
import { memberDerived, type MemberDerived } from '../../core/members/member-model.js';
import { PassThrough, Readable } from 'node:stream';

/** Reads every row's cell values with exceljs's streaming reader. */
export async function streamRead(bytes: Buffer): Promise<string[][]> {
  const rows: string[][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  }
  return rows;
}

/** Inserts the rows into a plain table with one prepared statement in one transaction. */
export function rawInsert(sqlite: Database.Database, rows: string[][]): void {
  const width = Math.max(...rows.map((r) => r.length));
  sqlite.exec(`DROP TABLE IF EXISTS bench_rows; CREATE TABLE bench_rows (${Array.from({ length: width }, (_, i) => `c${i} TEXT`).join(', ')})`);
  const insert = sqlite.prepare(`INSERT INTO bench_rows VALUES (${Array.from({ length: width }, () => '?').join(', ')})`);
  sqlite.transaction(() => {
    for (const row of rows) insert.run(...Array.from({ length: width }, (_, i) => row[i] ?? null));
  })();
}

/** Writes the same cells with exceljs's streaming writer, no styles. */
export async function streamWrite(rows: (string | number)[][]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => stream.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('rows');
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/** A column's value when the baseline has nothing better: what a NOT NULL column of its type accepts. */
function filler(type: string): string | number {
  return /INT/i.test(type) ? 0 : '';
}

const isCouncil = (row: string[]) => Boolean(row[2]) && row[2] !== '成员单位';
const MEMBER_KEYS = [...inputKeys(memberFields), 'status', 'id', 'formerNames', 'exitDate', 'exitReason', 'isSample', 'createdAt', 'updatedAt'];
const CONTACT_KEYS = [...inputKeys(contactFields), 'id', 'organizationId', 'sortOrder'];

/** What the change log holds of a new member, as ours logs it: every field of the member and of its contacts. */
function logged(values: Record<string, unknown>, contacts: Record<string, unknown>[]): Record<string, unknown> {
  const fill = (keys: readonly string[], from: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const key of keys) out[key] = from[key] ?? null;
    return out;
  };
  return { ...fill(MEMBER_KEYS, values), contacts: contacts.map((c) => fill(CONTACT_KEYS, c)) };
}

/**
 * The derived columns our import stores for each row of the member workbook (pinyin and stroke sort
 * keys, search text), worked out before the limit is timed: the limit writes the same values, so its
 * indexes hold entries as long as ours (a stroke key is some 170 characters, not the name's 20), but
 * it spends nothing on working them out.
 */
export function derivedColumns(rows: string[][]): MemberDerived[] {
  return rows.slice(1).map((row) =>
    memberDerived(
      { name: row[0]!, shortName: null, aliases: [], formerNames: [], uscc: row[3] || null, role: isCouncil(row) ? 'council' : 'member', pinyinOverride: null },
      [{ name: row[4]!, phone: null, mobile: row[6] || null, email: null }],
    ),
  );
}

/**
 * The limit for our schema: the rows of the member workbook (read by exceljs's streaming reader)
 * written with raw prepared statements into the same tables and indexes an import fills — the
 * member with the derived columns it stores (given, see derivedColumns), its contact, the change-log
 * entry holding both (the member's fields, as ours logs them), the batch and its item, the member's
 * first status event (issue #15's history) and, for a council role, its seat in the current term —
 * in one transaction, with no validation, no pinyin, no matching: only the writes.
 */
export function schemaInsert(sqlite: Database.Database, rows: string[][], derived: MemberDerived[]): void {
  const columns = (table: string) => sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: unknown }[];
  const inserter = (table: string) => {
    const cols = columns(table).filter((c) => !(c.name === 'id' && /INT/i.test(c.type)));
    const statement = sqlite.prepare(`INSERT INTO ${table} (${cols.map((c) => c.name).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    return (values: Record<string, unknown>) => statement.run(...cols.map((c) => (c.name in values ? values[c.name] : c.notnull ? filler(c.type) : null)));
  };
  const organization = inserter('organizations');
  const contact = inserter('contacts');
  const change = inserter('change_log');
  const batch = inserter('import_batches');
  const item = inserter('import_batch_items');
  const status = inserter('member_status_events');
  const term = inserter('council_terms');
  const seat = inserter('term_seats');
  const at = new Date().toISOString();
  let n = 0;
  sqlite.transaction(() => {
    const batchId = `batch-${Date.now()}`;
    batch({ id: batchId, file_name: 'members.xlsx', created_at: at, created_count: rows.length - 1 });
    const termId = `term-${Date.now()}`;
    term({ id: termId, state: 'current', is_sample: 0, created_at: at, updated_at: at });
    for (const row of rows.slice(1)) {
      n += 1;
      const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      const council = isCouncil(row);
      const keys = derived[n - 1]!;
      const member = { id, name: row[0], category: 'enterprise', role: council ? 'council' : 'member', uscc: row[3], status: 'active', aliases: '[]', former_names: '[]', created_at: at, updated_at: at };
      organization({ ...member, pinyin_key: keys.pinyinKey, stroke_key: keys.strokeKey, search_text: keys.searchText, role_rank: roleRank(member.role as 'council' | 'member') });
      const person = { id: `${id}-c`, organization_id: id, name: row[4], title: row[5], mobile: row[6], is_primary: 1, sort_order: 0, created_at: at, updated_at: at };
      contact(person);
      const record = { id, name: row[0], category: 'enterprise', role: member.role, uscc: row[3], status: 'active', aliases: [], formerNames: [], isSample: false, createdAt: at, updatedAt: at };
      const loggedContact = { id: person.id, organizationId: id, name: row[4], title: row[5], mobile: row[6], isPrimary: true, sortOrder: 0 };
      change({ at, entity: 'organization', entity_id: id, action: 'create', before: null, after: JSON.stringify(logged(record, [loggedContact])) });
      item({ batch_id: batchId, organization_id: id, action: 'create', before: null });
      status({ id: `${id}-s`, organization_id: id, status: 'active', date: at.slice(0, 10), created_at: at });
      if (council) seat({ id: `${id}-t`, term_id: termId, organization_id: id, role: 'council' });
    }
  })();
}
