import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MemberRow } from '../../core/members/contract';
import { MEMBER_COLUMNS, type MemberColumn } from '../../renderer/src/pages/members/columns';
import { MemberTable, type MemberTableProps } from '../../renderer/src/pages/members/MemberTable';
import { renderWithProviders } from './render';

const row = (name: string, extra: Partial<MemberRow> = {}): MemberRow => ({
  id: name,
  name,
  shortName: null,
  category: 'enterprise',
  role: 'member',
  status: 'active',
  uscc: '91350100M000100Y43',
  joinDate: '2023-08-19',
  contactName: '薛耀',
  contactTitle: '董事长',
  contactPhone: '13900000000',
  isSample: false,
  ...extra,
});

const allVisible = Object.fromEntries(MEMBER_COLUMNS.map((c) => [c, true])) as Record<MemberColumn, boolean>;

function renderTable(props: Partial<MemberTableProps> = {}) {
  const handlers = { onSortChange: vi.fn(), onNeedMore: vi.fn(), onOpen: vi.fn() };
  renderWithProviders(
    <MemberTable
      rows={[row('一汽模具制造有限公司'), row('长春市教育局', { category: 'government', role: 'lead', isSample: true })]}
      total={2}
      columnVisibility={allVisible}
      sort="pinyin"
      direction="asc"
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

describe('member table', () => {
  it('shows rows with translated codes and Chinese headers', () => {
    renderTable();
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      '序号',
      '单位名称▲',
      '类别',
      '联合体职务',
      '状态',
      '联系人',
      '职务',
      '联系电话',
      '统一社会信用代码',
      '入会日期',
    ]);
    expect(within(rows[2]!).getAllByRole('cell').map((c) => c.textContent).slice(0, 4)).toEqual(['2', '长春市教育局示例', '政府机构', '牵头单位']);
  });

  it('hides the columns the clerk turned off', () => {
    renderTable({ columnVisibility: { ...allVisible, uscc: false, status: false } });
    expect(screen.queryByText('统一社会信用代码')).toBeNull();
    expect(screen.queryByText('正式成员')).toBeNull();
    expect(screen.getAllByRole('columnheader')).toHaveLength(8);
  });

  it('asks the core for another order when a sortable header is clicked', () => {
    const { onSortChange } = renderTable();
    const name = screen.getByRole('columnheader', { name: /单位名称/ });
    expect(name.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(name).getByRole('button'));
    expect(onSortChange).toHaveBeenCalledWith('pinyin', 'desc');
    fireEvent.click(within(screen.getByRole('columnheader', { name: /联合体职务/ })).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith('role', 'asc');
    expect(screen.getByRole('columnheader', { name: '联系人' }).getAttribute('aria-sort')).toBeNull();
  });

  it('opens a member by click or Enter', () => {
    const { onOpen } = renderTable();
    fireEvent.click(screen.getByText('一汽模具制造有限公司'));
    fireEvent.keyDown(screen.getAllByRole('row')[2]!, { key: 'Enter' });
    expect(onOpen.mock.calls).toEqual([['一汽模具制造有限公司'], ['长春市教育局']]);
  });

  it('asks for the next page while loaded rows are still ahead, but not for a first page alone', () => {
    const first = renderTable({ rows: Array.from({ length: 100 }, (_, i) => row(`单位${i}`)), total: 5000 });
    expect(first.onNeedMore).not.toHaveBeenCalled();
  });

  it('asks for the next page 200 rows before the loaded ones run out, before any placeholder shows', () => {
    const { onNeedMore } = renderTable({ rows: Array.from({ length: 600 }, (_, i) => row(`单位${i}`)), total: 5000 });
    const table = screen.getByTestId('member-table');
    act(() => {
      table.scrollTop = 300 * 40;
      fireEvent.scroll(table);
    });
    expect(onNeedMore).not.toHaveBeenCalled();
    act(() => {
      table.scrollTop = 390 * 40;
      fireEvent.scroll(table);
    });
    expect(onNeedMore).toHaveBeenCalled();
    expect(screen.queryByText('加载中…')).toBeNull();
  });

  it('renders only a window of a long list and asks for the next page at its end', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(`单位${i}`));
    const { onNeedMore } = renderTable({ rows, total: 5000 });
    const rendered = screen.getAllByRole('row').length - 1;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(60);
    expect(screen.getAllByText('加载中…').length).toBeGreaterThan(0);
    expect(onNeedMore).toHaveBeenCalled();
  });
});
