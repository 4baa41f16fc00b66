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
};

const row = (rowNumber: number, name: string): ImportPreviewRow => ({
  rowNumber,
  status: 'new',
  issues: [],
  match: null,
  changes: [],
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
    'imports.preview': () => ({ rows: [row(2, '长春市教育局'), row(3, '长春市商务局')], counts: { new: 2, update: 0, duplicate: 0, error: 0 } }),
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
    const calls = stubApi(stubs({ 'imports.commit': () => ({ batchId: BATCH, created: 2, updated: 0, skipped: 0, rejected: 0, rejectedRows: [] }) }));
    renderWithProviders(<ImportDrawer open onClose={() => undefined} />);
    await chooseFile();
    const stage = calls.find((c) => c.method === 'imports.stage')!.input as { fileName: string; bytes: string };
    expect(stage.fileName).toBe('名单.csv');
    expect(new TextDecoder().decode(Uint8Array.from(atob(stage.bytes), (c) => c.charCodeAt(0)))).toBe('单位名称,类别\n长春市教育局,政府\n');
    fireEvent.click(screen.getByRole('button', { name: '导入 2 行' }));
    expect((await screen.findByTestId('import-result')).textContent).toContain('新增 2');
    expect(calls.find((c) => c.method === 'imports.commit')!.input).toEqual({ uploadId: UPLOAD, mapping: ['name', 'category'], onDuplicate: 'skip', rowActions: {}, skipInvalid: false });
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
});
