// The import drawer, with the core stubbed by name: a chosen file is staged and previewed; the commit
// runs as a job whose progress shows, and Cancel cancels that same job; a finished import says what
// it did and offers its undo.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportPreviewRow, StageResult } from '../../core/io/imports/contract';
import { IMPORT_FIELDS } from '../../core/io/imports/import-fields';
import { ImportDrawer } from '../../renderer/src/pages/members/import/ImportDrawer';
import { renderWithProviders, StubError, stubApi, type Stubs } from './render';

const UPLOAD = '5a9d6fa7-b172-4e63-8f80-2b3c4d5e6f70';
const BATCH = '6bae70b8-c283-4f74-9091-3c4d5e6f7081';

const staged: StageResult = {
  uploadId: UPLOAD,
  fileName: '名单.csv',
  kind: 'csv',
  encoding: 'utf-8',
  headerRow: 1,
  headers: ['单位名称', '类别'],
  mapping: ['name', 'category'],
  rowCount: 2,
  fields: IMPORT_FIELDS,
  sheets: [{ number: 1, name: 'csv', hidden: false, rows: 3, problem: null }],
  sheet: 1,
  hiddenRows: [],
  hiddenRowCount: 0,
  hiddenColumns: [],
};

const row = (rowNumber: number, name: string): ImportPreviewRow => ({
  rowNumber,
  status: 'new',
  issues: [],
  match: null,
  changes: [],
  differs: [],
  warnings: [],
  skipReason: null,
  legalForm: null,
  contactCount: 0,
  action: null,
  categoryFromSection: false,
  name,
  category: 'government',
  role: 'member',
  uscc: null,
  contactName: null,
  contactPhone: null,
  cells: [name, '政府'],
});

function stubs(extra: Stubs): Stubs {
  return {
    'imports.batches': () => [],
    'imports.stage': () => staged,
    'imports.preview': () => ({ rows: [row(2, '长春市教育局'), row(3, '长春市商务局')], counts: { new: 2, update: 0, duplicate: 0, error: 0, skipped: 0 }, legalForms: [] }),
    ...extra,
  };
}

async function chooseFile() {
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(['单位名称,类别\n长春市教育局,政府\n'], '名单.csv', { type: 'text/csv' })] } });
  await screen.findByText('长春市商务局');
}

describe('import drawer', () => {
  it('stages the chosen file, previews its rows, imports them and offers the undo', async () => {
    const calls = stubApi(stubs({ 'imports.commit': () => ({ batchId: BATCH, created: 2, updated: 0, skipped: 0, rejected: 0, notMembers: 0, rejectedRows: [] }) }));
    renderWithProviders(<ImportDrawer open onClose={() => undefined} />);
    await chooseFile();
    const stage = calls.find((c) => c.method === 'imports.stage')!.input as { fileName: string; bytes: string };
    expect(stage.fileName).toBe('名单.csv');
    expect(new TextDecoder().decode(Uint8Array.from(atob(stage.bytes), (c) => c.charCodeAt(0)))).toBe('单位名称,类别\n长春市教育局,政府\n');
    fireEvent.click(screen.getByRole('button', { name: '导入 2 行' }));
    expect((await screen.findByTestId('import-result')).textContent).toContain('新增 2');
    expect(calls.find((c) => c.method === 'imports.commit')!.input).toEqual({ uploadId: UPLOAD, mapping: ['name', 'category'], onDuplicate: 'fill', rowActions: {}, legalForms: {}, skipInvalid: false });
    expect(screen.getByRole('button', { name: '撤销这次导入' })).toBeTruthy();
  });

  it('shows the running commit’s progress and cancels that very job', async () => {
    let cancelled: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (cancelled = resolve));
    const calls = stubApi(
      stubs({
        // The commit runs until the clerk cancels it, reporting half of the rows done meanwhile.
        'imports.commit': async () => {
          await stopped;
          return new StubError({ code: 'CANCELLED', message: 'Cancelled', details: { key: 'errors.cancelled' } });
        },
        'jobs.progress': () => ({ done: 1, total: 2 }),
        'jobs.cancel': () => {
          cancelled();
          return { cancelled: true };
        },
      }),
    );
    renderWithProviders(<ImportDrawer open onClose={() => undefined} />);
    await chooseFile();
    fireEvent.click(screen.getByRole('button', { name: '导入 2 行' }));
    expect(await screen.findByText('正在导入：1 / 2')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消导入' }));
    expect(await screen.findByText('已取消，没有做任何改动')).toBeTruthy();
    const jobId = calls.find((c) => c.method === 'imports.commit')!.jobId;
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls.find((c) => c.method === 'jobs.cancel')!.input).toEqual({ jobId });
    expect(calls.filter((c) => c.method === 'jobs.progress').every((c) => (c.input as { jobId: string }).jobId === jobId)).toBe(true);
    // Back in the preview, ready to try again.
    await waitFor(() => expect(screen.getByRole('button', { name: '导入 2 行' })).toBeTruthy());
  });

  it('reads another sheet when the clerk picks it, and sends the category chosen for an ambiguous legal form', async () => {
    const twoSheets: StageResult = { ...staged, sheets: [{ number: 1, name: '填报说明', hidden: false, rows: 4, problem: null }, { number: 2, name: '名单', hidden: false, rows: 3, problem: null }], sheet: 2, hiddenRows: [4], hiddenRowCount: 1 };
    const question = { value: '事业单位', key: '事业单位', rows: 2, suggested: null, choices: ['university', 'higher_vocational', 'research'] as const, chosen: null };
    const calls = stubApi(
      stubs({
        'imports.stage': () => twoSheets,
        'imports.chooseSheet': () => ({ ...twoSheets, sheet: 1 }),
        'imports.preview': (input) => ({
          rows: [row(2, '长春市教育局'), row(3, '长春市商务局')],
          counts: { new: 2, update: 0, duplicate: 0, error: 0, skipped: 0 },
          legalForms: [{ ...question, choices: [...question.choices], chosen: input.legalForms?.['事业单位'] ?? null }],
        }),
      }),
    );
    renderWithProviders(<ImportDrawer open onClose={() => undefined} />);
    await chooseFile();
    expect(screen.getByTestId('import-hidden').textContent).toContain('隐藏行 1 行（4）');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '工作表' }));
    fireEvent.click(await screen.findByText('填报说明（4 行）'));
    await waitFor(() => expect(calls.find((c) => c.method === 'imports.chooseSheet')?.input).toEqual({ uploadId: UPLOAD, sheet: 1 }));
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: '单位性质 事业单位' }));
    fireEvent.click(await screen.findByText('高职院校'));
    await waitFor(() => expect(calls.some((c) => c.method === 'imports.preview' && (c.input as { legalForms?: Record<string, string> }).legalForms?.['事业单位'] === 'higher_vocational')).toBe(true));
  });

  it('asks before closing over a built preview, and closes only when told to leave', async () => {
    stubApi(stubs({}));
    let closed = 0;
    renderWithProviders(<ImportDrawer open onClose={() => (closed += 1)} />);
    await chooseFile();
    fireEvent.click(screen.getByRole('button', { name: /close|关闭/i }));
    expect((await screen.findAllByText('放弃这次导入？')).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: '继续导入' }));
    // Staying keeps the drawer and its preview.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(closed).toBe(0);
    expect(screen.getByText('长春市商务局')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /close|关闭/i }));
    const leave = await screen.findAllByRole('button', { name: '放 弃' });
    fireEvent.click(leave[leave.length - 1]!);
    await waitFor(() => expect(closed).toBe(1));
  });

  it('offers a duplicate choice only on rows where a choice would change something', async () => {
    const matched = (rowNumber: number, name: string, differs: string[]): ImportPreviewRow => ({ ...row(rowNumber, name), status: 'duplicate', match: { id: BATCH, name, by: 'name' }, action: 'fill', differs });
    stubApi(
      stubs({
        'imports.preview': () => ({ rows: [matched(2, '长春市教育局', []), matched(3, '长春市商务局', ['address'])], counts: { new: 0, update: 0, duplicate: 2, error: 0, skipped: 0 }, legalForms: [] }),
      }),
    );
    renderWithProviders(<ImportDrawer open onClose={() => undefined} />);
    await chooseFile();
    const rowOf = (name: string) => screen.getByText(name).closest('tr')!;
    expect(rowOf('长春市教育局').querySelector('.ant-select')).toBeNull();
    expect(rowOf('长春市商务局').querySelector('.ant-select')).not.toBeNull();
  });
});
