// The random operations of the exchange's convergence test (test/unit/exchange-convergence.test.ts):
// what two or three clerks do offline, through the API, and files passed between their copies.
import fc from 'fast-check';
import { CATEGORY_LABELS_ZH } from '../../core/contract/codes.js';
import type { AppCore } from '../../core/host/core.js';
import { editMember, passFile } from './exchange.js';

const NAMES = ['长春职业技术学院', '一汽解放', '吉林大学', '长春理工', '省教育厅'];
const CATEGORIES = ['higher_vocational', 'enterprise', 'university', 'university', 'government'] as const;

export type Op =
  | { kind: 'create'; at: number; name: number }
  | { kind: 'edit'; at: number; pick: number; field: 'notes' | 'address'; value: string }
  | { kind: 'delete'; at: number; pick: number }
  | { kind: 'restore'; at: number }
  | { kind: 'contact'; at: number; pick: number; name: string }
  | { kind: 'agreement'; at: number; pick: number; other: number }
  | { kind: 'sign'; at: number; pick: number }
  | { kind: 'import'; at: number; names: number[]; contact: string; address: string }
  | { kind: 'exchange'; from: number; to: number };

export const op = (replicas: number): fc.Arbitrary<Op> => {
  const at = fc.nat(replicas - 1);
  const pick = fc.nat(20);
  return fc.oneof(
    fc.record({ kind: fc.constant('create' as const), at, name: fc.nat(NAMES.length - 1) }),
    fc.record({ kind: fc.constant('edit' as const), at, pick, field: fc.constantFrom('notes' as const, 'address' as const), value: fc.stringMatching(/^[甲乙丙丁]{1,3}$/) }),
    fc.record({ kind: fc.constant('delete' as const), at, pick }),
    fc.record({ kind: fc.constant('restore' as const), at }),
    fc.record({ kind: fc.constant('contact' as const), at, pick, name: fc.constantFrom('王', '李', '张') }),
    fc.record({ kind: fc.constant('agreement' as const), at, pick, other: pick }),
    fc.record({ kind: fc.constant('sign' as const), at, pick }),
    fc.record({ kind: fc.constant('import' as const), at, names: fc.array(fc.nat(NAMES.length - 1), { minLength: 1, maxLength: 3 }), contact: fc.constantFrom('赵', '钱'), address: fc.stringMatching(/^[东西南北]{1,3}路$/) }),
    fc.record({ kind: fc.constant('exchange' as const), from: at, to: at }),
  );
};

export interface Trace {
  written: { value: string }[];
  created: string[];
  deleted: Set<string>;
}

function ids(core: AppCore, table: string): string[] {
  return core.ctx.sqlite.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as string[];
}

/**
 * A roster spreadsheet imported through the API (stage, then commit with the default for duplicates:
 * fill what the member lacks and add new contacts); the members it made join the trace.
 */
async function importRoster(core: AppCore, o: Extract<Op, { kind: 'import' }>, trace: Trace): Promise<void> {
  const rows = o.names.map((n) => `${NAMES[n]},${CATEGORY_LABELS_ZH[CATEGORIES[n]!]},${o.address},${o.contact}`);
  const csv = ['单位名称,类别,地址,联系人', ...rows].join('\n');
  const staged = await core.dispatcher.dispatch('imports.stage', { fileName: '名单.csv', bytes: Buffer.from(csv).toString('base64') });
  if (!staged.ok) throw new Error(`stage: ${JSON.stringify(staged.error)}`);
  const committed = await core.dispatcher.dispatch('imports.commit', { uploadId: (staged.result as { uploadId: string }).uploadId });
  if (!committed.ok) throw new Error(`commit: ${JSON.stringify(committed.error)}`);
  const batchId = (committed.result as { batchId: string | null }).batchId;
  if (batchId) trace.created.push(...(core.ctx.sqlite.prepare("SELECT organization_id FROM import_batch_items WHERE batch_id = ? AND action = 'create'").pluck().all(batchId) as string[]));
}

/** One operation through the API; a refusal (a name taken, a member in use) is a clerk's refusal, not a failure. */
export async function apply(cores: AppCore[], o: Op, trace: Trace): Promise<void> {
  if (o.kind === 'import') {
    await importRoster(cores[o.at]!, o, trace);
    return;
  }
  if (o.kind === 'exchange') {
    if (o.from !== o.to) passFile(cores[o.from]!, cores[o.to]!, 'newer');
    return;
  }
  const core = cores[o.at]!;
  const members = ids(core, 'organizations');
  const member = members.length > 0 && 'pick' in o ? members[o.pick % members.length]! : null;
  const call = (method: string, input: unknown) => core.dispatcher.dispatch(method, input) as { ok: boolean; result?: unknown };
  if (o.kind === 'create') {
    const done = call('members.create', { name: NAMES[o.name], category: CATEGORIES[o.name] });
    if (done.ok) trace.created.push((done.result as { member: { id: string } }).member.id);
  } else if (o.kind === 'edit' && member) {
    editMember(core, member, { [o.field]: o.value });
    trace.written.push({ value: o.value });
  } else if (o.kind === 'delete' && member) {
    if (call('members.delete', { id: member }).ok) trace.deleted.add(member);
  } else if (o.kind === 'restore') {
    const change = core.ctx.sqlite.prepare("SELECT id FROM change_log WHERE action = 'delete' AND entity = 'organization' AND json_extract(before, '$.exchange') IS NULL ORDER BY id DESC LIMIT 1").pluck().get();
    if (change) call('changes.restore', { id: change });
  } else if (o.kind === 'contact' && member) {
    call('contacts.create', { organizationId: member, name: o.name });
  } else if (o.kind === 'agreement' && member) {
    const other = members[(o.pick + 1) % members.length];
    if (other && other !== member) call('agreements.create', { title: '合作协议', signedDate: '2026-03-01', parties: [{ organizationId: member }, { organizationId: other }] });
  } else if (o.kind === 'sign') {
    // The ceremony: a signing planned at an event, then marked done (on whichever copy runs it).
    const eventId = core.ctx.sqlite.prepare('SELECT id FROM events ORDER BY id LIMIT 1').pluck().get() as string | undefined;
    if (!eventId) {
      call('events.create', { title: '签约仪式', type: 'signing_ceremony', date: '2026-05-20' });
      return;
    }
    const other = member ? members[(o.pick + 1) % members.length] : undefined;
    if (member && other && other !== member && o.pick % 2 === 0) call('ceremony.plan', { eventId, signings: [{ title: '仪式协议', parties: [{ organizationId: member }, { organizationId: other }] }] });
    else call('ceremony.mark', { eventId });
  }
}

/** Every copy passes its file to every other, twice round: what one has reaches all. */
export function settle(cores: AppCore[]): void {
  for (let round = 0; round < 2; round++) for (const from of cores) for (const to of cores) if (from !== to) passFile(from, to, 'newer');
}

export function findable(cores: AppCore[], value: string): boolean {
  return cores.some(
    (core) =>
      Boolean(core.ctx.sqlite.prepare('SELECT 1 FROM change_log WHERE instr(coalesce(before, \'\') || coalesce(after, \'\'), ?) > 0 LIMIT 1').get(value)) ||
      Boolean(core.ctx.sqlite.prepare('SELECT 1 FROM sync_losers WHERE instr(value, ?) > 0 LIMIT 1').get(value)),
  );
}

