// The member register table: TanStack Table for the column model, TanStack Virtual for the rows.
// The core sorts and pages; rows not yet fetched render as placeholders and trigger the next page.
import { columnVisibilityFeature, constructRow, createColumnHelper, flexRender, tableFeatures, useTable, type Column, type ColumnVisibilityState, type Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRow } from '../../../../core/members/contract';
import { COLUMN_WIDTHS, MEMBER_COLUMNS, SORT_OF_COLUMN, type MemberColumn, type SortKey } from './columns';
import './member-table.css';

const ROW_HEIGHT = 40;
const PREFETCH_ROWS = 200;

export interface MemberTableProps {
  rows: MemberRow[];
  total: number;
  columnVisibility: Record<MemberColumn, boolean>;
  sort: SortKey;
  direction: 'asc' | 'desc';
  onSortChange(sort: SortKey, direction: 'asc' | 'desc'): void;
  onNeedMore(): void;
  onOpen(id: string): void;
}

// TanStack Table v9: a table names the features it uses; this one shows and hides columns only (the
// core sorts, filters and pages).
const features = tableFeatures({ columnVisibilityFeature });
type Features = typeof features;
const helper = createColumnHelper<Features, MemberRow>();

/** Memoised: a keystroke in the search box re-renders the page, not the table, until new rows arrive. */
export const MemberTable = memo(function MemberTable(props: MemberTableProps) {
  const { t } = useTranslation();
  const { rows, total, onNeedMore } = props;

  const columns = useMemo(
    () =>
      MEMBER_COLUMNS.map((id) =>
        helper.display({
          id,
          header: () => t(`members.col.${id}`),
          cell: ({ row }) => {
            const m = row.original;
            switch (id) {
              case 'seq':
                return row.index + 1;
              case 'name':
                return (
                  <>
                    <span className="member-name">{m.name}</span>
                    {/* A plain span styled as a tag: antd's Tag computes its styles per instance, which cost
                        frames while a large sample scrolls. */}
                    {m.isSample && <span className="sample-tag">{t('members.sampleTag')}</span>}
                  </>
                );
              case 'category':
                return t(`category.${m.category}`);
              case 'role':
                return t(`role.${m.role}`);
              case 'status':
                return t(`status.${m.status}`);
              case 'contact':
                return m.contactName;
              case 'contactTitle':
                return m.contactTitle;
              case 'phone':
                return m.contactPhone;
              case 'uscc':
                return m.uscc;
              case 'joinDate':
                return m.joinDate;
            }
          },
        }),
      ),
    [t],
  );

  const table = useTable({
    features,
    data: rows,
    columns,
    state: { columnVisibility: props.columnVisibility as ColumnVisibilityState },
  });
  const visible = table.getVisibleLeafColumns();
  const gridTemplateColumns = visible.map((c) => COLUMN_WIDTHS[c.id as MemberColumn]).join(' ');

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1200, height: 640 },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index : 0;
  // The next page is asked for while loaded rows are still ahead (up to PREFETCH_ROWS, half of a short
  // first page), so it usually arrives before its rows scroll into view: no placeholder rows, and nothing
  // on screen re-renders when it comes. A new filter's first page alone does not ask for the next.
  useEffect(() => {
    if (lastIndex >= rows.length - Math.min(PREFETCH_ROWS, rows.length / 2) && rows.length < total) onNeedMore();
  }, [lastIndex, rows.length, total, onNeedMore]);

  // Table rows are made for the rows on screen only, once per member, and kept: the full row model
  // was rebuilt for every loaded member each time a page arrived (a frame over 50 ms at 1,000 rows),
  // and a kept row lets the memoised row below skip rendering while it merely scrolls.
  const rowCache = useMemo(() => new WeakMap<MemberRow, Row<Features, MemberRow>>(), [columns]);
  const rowAt = (index: number): Row<Features, MemberRow> | undefined => {
    const original = rows[index];
    if (!original) return undefined;
    let row = rowCache.get(original);
    if (!row) rowCache.set(original, (row = constructRow(table, original.id, original, index, 0)));
    return row;
  };

  return (
    <div className="member-table" role="table" aria-rowcount={total + 1} ref={scrollRef} data-testid="member-table">
      <div className="member-table-header" role="row" style={{ gridTemplateColumns }}>
        {table.getHeaderGroups()[0]!.headers.map((headerCell) => {
          const column = headerCell.column;
          const sortKey = SORT_OF_COLUMN[column.id as MemberColumn];
          const active = sortKey === props.sort;
          const ariaSort = active ? (props.direction === 'asc' ? 'ascending' : 'descending') : sortKey ? 'none' : undefined;
          const header = flexRender(column.columnDef.header, headerCell.getContext());
          return (
            <div key={column.id} role="columnheader" aria-sort={ariaSort} className="member-table-cell">
              {sortKey ? (
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => props.onSortChange(sortKey, active && props.direction === 'asc' ? 'desc' : 'asc')}
                >
                  {header}
                  <span aria-hidden className="sort-mark">
                    {active ? (props.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              ) : (
                header
              )}
            </div>
          );
        })}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => (
          <MemberTableRow
            key={item.key}
            row={rowAt(item.index)}
            index={item.index}
            start={item.start}
            gridTemplateColumns={gridTemplateColumns}
            visible={visible}
            loadingLabel={t('members.loadingRow')}
            onOpen={props.onOpen}
          />
        ))}
      </div>
    </div>
  );
});

interface MemberTableRowProps {
  row: Row<Features, MemberRow> | undefined;
  index: number;
  start: number;
  gridTemplateColumns: string;
  visible: Column<Features, MemberRow>[];
  loadingLabel: string;
  onOpen(id: string): void;
}

/**
 * One row, memoised: while the table scrolls, rows already on screen only move (their `start`
 * changes) and only the rows coming into view render their cells; re-rendering every visible row's
 * cells each frame cost frames over 50 ms in a fast scroll through 100,000 members.
 */
const MemberTableRow = memo(function MemberTableRow({ row, index, start, gridTemplateColumns, visible, loadingLabel, onOpen }: MemberTableRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={row ? 'member-table-row' : 'member-table-row placeholder'}
      style={{ gridTemplateColumns, transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      tabIndex={row ? 0 : -1}
      onClick={() => row && onOpen(row.original.id)}
      onKeyDown={(event) => {
        if (row && event.key === 'Enter') onOpen(row.original.id);
      }}
    >
      {row
        ? row.getVisibleCells().map((cell) => (
            <div key={cell.id} role="cell" className="member-table-cell">
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </div>
          ))
        : visible.map((column) => (
            <div key={column.id} role="cell" className="member-table-cell">
              {column.id === 'name' ? loadingLabel : ''}
            </div>
          ))}
    </div>
  );
});
