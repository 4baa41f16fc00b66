// Cooperation projects: under an agreement, with partners and figures per year; listed by kind,
// partner and year with the year's figures summed; refused input names its field; restorable.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../core/host/core.js';
import { runCli } from '../../core/cli/run-cli.js';
import { callError, callOk, freshCore } from '../support/core.js';
import { tempDir } from '../support/migrations.js';
import { member, parties } from '../support/records.js';

let core: AppCore;
let ids: Record<string, string>;
let agreementId: string;

beforeEach(async () => {
  core = await freshCore(path.join(tempDir(), 'alliance.sqlite'), () => new Date('2026-11-28T10:00:00Z'));
  ids = {
    school: member(core, '长春汽车职业技术大学', 'higher_vocational'),
    faw: member(core, '中国第一汽车集团有限公司', 'enterprise'),
    mould: member(core, '一汽模具制造有限公司', 'enterprise'),
  };
  agreementId = callOk(core, 'agreements.create', { title: '校企合作协议', status: 'signed', signedDate: '2024-03-01', parties: parties(ids.school!, ids.faw!) }).id;
});
afterEach(() => core.close());

const figures = (year: number, f: Record<string, number | null>) => ({ year, studentsEnrolled: null, trainees: null, interns: null, hires: null, serviceContractYuan: null, basesBuilt: null, ...f });

describe('cooperation projects', () => {
  it('takes its agreement’s parties as partners when none are given, and keeps figures per year', () => {
    const project = callOk(core, 'projects.create', {
      name: '一汽订单班',
      kind: '订单班',
      agreementId,
      startDate: '2024-09-01',
      figures: [figures(2025, { studentsEnrolled: 45, interns: 40, hires: 38 }), figures(2024, { studentsEnrolled: 42 })],
    });
    expect(project.kind).toBe('order_class');
    expect(project.agreementNumber).toMatch(/^2024-校企-\d{3}$/);
    expect(project.partners.map((p) => p.name)).toEqual(['长春汽车职业技术大学', '中国第一汽车集团有限公司']);
    expect(project.figures.map((f) => [f.year, f.studentsEnrolled, f.hires])).toEqual([
      [2024, 42, null],
      [2025, 45, 38],
    ]);

    callOk(core, 'projects.create', { name: '模具技术攻关', kind: 'tech_research', partners: [{ organizationId: ids.mould! }, { organizationId: ids.school! }], startDate: '2025-01-01', endDate: '2025-12-31', figures: [figures(2025, { serviceContractYuan: 1_200_000 })] });
    callOk(core, 'projects.create', { name: '新能源汽车联合研发中心', kind: '联合研发中心', partners: [{ organizationId: ids.faw! }], startDate: '2026-01-01' });

    const in2025 = callOk(core, 'projects.list', { year: 2025 });
    expect(in2025.map((p) => [p.name, p.totals.studentsEnrolled, p.totals.serviceContractYuan])).toEqual([
      ['模具技术攻关', null, 1_200_000],
      ['一汽订单班', 45, null],
    ]);
    const all = callOk(core, 'projects.list', {});
    expect(all.find((p) => p.name === '一汽订单班')!.totals.studentsEnrolled).toBe(87);
    expect(all.find((p) => p.name === '一汽订单班')!.years).toEqual([2024, 2025]);
    expect(callOk(core, 'projects.list', { organizationId: ids.mould! }).map((p) => p.name)).toEqual(['模具技术攻关']);
    expect(callOk(core, 'projects.list', { agreementId }).map((p) => p.name)).toEqual(['一汽订单班']);
    expect(callOk(core, 'projects.list', { kinds: ['联合研发中心'] }).map((p) => p.name)).toEqual(['新能源汽车联合研发中心']);
    expect(callOk(core, 'projects.list', { text: '模具' }).map((p) => p.name)).toEqual(['模具技术攻关']);
    // The secretariat's own kind is offered again; the standard ones are not repeated.
    expect(callOk(core, 'projects.kinds', {})).toEqual(['联合研发中心']);
  });

  it('refuses bad input naming the field, and writes nothing', () => {
    const fields = (input: Record<string, unknown>) => callError(core, 'projects.create', { name: '项目', kind: 'order_class', ...input }).details?.fields;
    expect(fields({ figures: [figures(2025, {}), figures(2025, { hires: 1 })] })?.['figures.1.year']?.key).toBe('validation.yearTwice');
    expect(fields({ startDate: '2025-05-01', endDate: '2025-04-30' })?.endDate?.key).toBe('validation.endDateBeforeStart');
    expect(fields({ figures: [figures(2025, { hires: -1 })] })?.['figures.0.hires']?.key).toBe('validation.numberTooSmall');
    expect(fields({ figures: [figures(2025, { hires: 1.5 })] })?.['figures.0.hires']).toBeDefined();
    expect(fields({ figures: [figures(2025, { serviceContractYuan: 2e12 })] })?.['figures.0.serviceContractYuan']).toMatchObject({ key: 'validation.numberTooLarge', params: { max: 1_000_000_000_000 } });
    expect(fields({ figures: [{ ...figures(2025, {}), year: null }] })?.['figures.0.year']?.key).toBe('validation.required');
    expect(fields({ kind: '一'.repeat(21) })?.kind?.key).toBe('validation.tooLong');
    expect(fields({ kind: 'a\u202eb\u0007' })?.kind).toBeDefined();
    expect(fields({ partners: [{ organizationId: ids.faw! }, { organizationId: ids.faw! }] })?.['partners.1.organizationId']?.key).toBe('validation.partyTwice');
    expect(fields({ agreementId: '00000000-0000-4000-8000-000000000000' })?.agreementId?.key).toBe('errors.agreementNotFound');
    expect(callOk(core, 'projects.list', {})).toEqual([]);
  });

  it('holds its partners; loses only the link when its agreement goes; comes back whole from the history', () => {
    const project = callOk(core, 'projects.create', { name: '一汽订单班', kind: 'order_class', agreementId, figures: [figures(2025, { hires: 38 })] });
    callOk(core, 'agreements.delete', { id: agreementId });
    expect(callError(core, 'members.delete', { id: ids.faw! }).details?.key).toBe('errors.memberInProjects');
    expect(callOk(core, 'projects.get', { id: project.id })).toMatchObject({ agreementId: null, partners: [{ name: '长春汽车职业技术大学' }, { name: '中国第一汽车集团有限公司' }] });
    callOk(core, 'projects.delete', { id: project.id });
    const deleted = callOk(core, 'changes.recent', { entity: 'project' }).rows.find((r) => r.action === 'delete')!;
    callOk(core, 'changes.restore', { id: deleted.id });
    expect(callOk(core, 'projects.get', { id: project.id })).toMatchObject({ name: '一汽订单班', figures: [expect.objectContaining({ year: 2025, hires: 38 })] });
  });

  it('is listed by the CLI for a year, as JSON with the figures as numbers', async () => {
    const dir = tempDir();
    const out: string[] = [];
    const run = (...argv: string[]) => runCli(['--data-dir', dir, ...argv], { out: (l) => out.push(l), err: () => undefined });
    expect(await run('sample', 'load')).toBe(0);
    out.length = 0;
    expect(await run('projects', 'list', '--json', '--year', '2024')).toBe(0);
    const listed = JSON.parse(out.join('\n')) as { name: string; kind: string; totals: Record<string, number | null> }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((p) => Object.values(p.totals).every((v) => v === null || typeof v === 'number'))).toBe(true);
    out.length = 0;
    expect(await run('projects', 'list', '--year', '20x4')).toBe(2);
  });
});
