// The member register: filters and sort above, the virtualized list or the grouped roster below.
import { Button, Empty, Input, Segmented, Select, Space, Typography, type InputRef } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES, MEMBER_STATUSES, ORGANIZATION_CATEGORIES, type MemberRole, type MemberStatus, type OrganizationCategory } from '../../../../core/contract/codes';
import { useLoadSample } from '../../hooks/useSample';
import { errorText } from '../../api/errors';
import { useOverview } from '../../hooks/useOverview';
import { useShortcuts } from '../../hooks/useShortcuts';
import { CodeFilter } from '../../components/CodeFilter';
import { ColumnChooser } from './ColumnChooser';
import { loadColumnVisibility, saveColumnVisibility, type SortKey } from './columns';
import { MemberForm } from './MemberForm';
import { MemberTable } from './MemberTable';
import { ImportDrawer } from './import/ImportDrawer';
import { RosterView } from './RosterView';
import { useMemberList } from './useMemberList';
import { DraftsBar } from '../../components/Drafts';

type View = 'list' | 'roster';

export function MembersPage({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation();
  const overview = useOverview();
  const searchRef = useRef<InputRef>(null);

  const [view, setView] = useState<View>('list');
  const [text, setText] = useState('');
  const [categories, setCategories] = useState<OrganizationCategory[]>(() =>
    params.getAll('category').filter((c): c is OrganizationCategory => (ORGANIZATION_CATEGORIES as readonly string[]).includes(c)),
  );
  const [roles, setRoles] = useState<MemberRole[]>([]);
  const [statuses, setStatuses] = useState<MemberStatus[]>([]);
  const [sort, setSort] = useState<SortKey>('pinyin');
  const [direction, setDirection] = useState<'asc' | 'desc'>('asc');
  const [columnVisibility, setColumnVisibility] = useState(loadColumnVisibility);
  // #/members?open=ID opens that member (from a report's list, say).
  const [form, setForm] = useState<{ open: boolean; memberId: string | null }>({ open: params.has('open'), memberId: params.get('open') });
  const [importing, setImporting] = useState(false);

  // The query follows each keystroke at once (a deferred value cost a second render of the page before
  // the request left); the memoised table keeps typing responsive, and old rows stay until new ones come.
  const filters = { text: text.trim() || undefined, categories, roles, statuses, sort, direction };
  const { query, rows, total } = useMemberList(filters);
  const shownText = query.isPlaceholderData ? null : (filters.text ?? '');
  useEffect(() => {
    if (shownText === null || query.isFetching) return;
    // After the next frame is painted with these rows.
    requestAnimationFrame(() => setTimeout(() => performance.mark('members-filter-painted', { detail: shownText }), 0));
  }, [shownText, query.isFetching, rows]);
  const filtered = Boolean(filters.text) || categories.length > 0 || roles.length > 0 || statuses.length > 0;

  const openNew = useCallback(() => setForm({ open: true, memberId: null }), []);
  // Stable callbacks: the memoised table then skips the render a keystroke in the search box causes.
  const openMember = useCallback((memberId: string) => setForm({ open: true, memberId }), []);
  const onSortChange = useCallback((nextSort: SortKey, nextDirection: 'asc' | 'desc') => {
    setSort(nextSort);
    setDirection(nextDirection);
  }, []);
  const focusSearch = useCallback(() => {
    setView('list');
    searchRef.current?.focus({ cursor: 'all' });
  }, []);
  useShortcuts({ focusSearch, newRecord: openNew });
  const fetchNext = query.fetchNextPage;
  const onNeedMore = useCallback(() => {
    if (!query.isFetchingNextPage) void fetchNext();
  }, [fetchNext, query.isFetchingNextPage]);

  const clearFilters = () => {
    setText('');
    setCategories([]);
    setRoles([]);
    setStatuses([]);
  };

  const sample = useLoadSample();

  const noMembersAtAll = overview.data?.memberCount === 0;

  // The toolbar is the same element until its own inputs change: a page of rows arriving while the
  // clerk scrolls re-renders the list, not the filters (each antd control costs a frame's share).
  const toolbar = useMemo(
    () => (
    <Space wrap style={{ padding: '12px 16px' }}>
      <Input.Search
        ref={searchRef}
        allowClear
        value={text}
        onChange={(event) => {
          // Performance marks: `npm run bench` times a keystroke until its rows are painted.
          performance.mark('members-filter-typed', { detail: event.target.value.trim() });
          setText(event.target.value);
        }}
        placeholder={t('members.searchPlaceholder')}
        aria-label={t('members.searchPlaceholder')}
        style={{ width: 340 }}
      />
      <CodeFilter codes={ORGANIZATION_CATEGORIES} labelPrefix="category" nameKey="members.categoryFilter" value={categories} onChange={setCategories} />
      <CodeFilter codes={MEMBER_ROLES} labelPrefix="role" nameKey="members.roleFilter" value={roles} onChange={setRoles} />
      {view === 'list' && (
        <>
          <CodeFilter codes={MEMBER_STATUSES} labelPrefix="status" nameKey="members.statusFilter" value={statuses} onChange={setStatuses} minWidth={130} />
        <Select
          aria-label={t('members.sortBy')}
          value={sort}
          onChange={setSort}
          style={{ width: 130 }}
          options={(['pinyin', 'stroke', 'role', 'joinDate', 'category', 'manual'] as const).map((s) => ({ value: s, label: t(`members.sort.${s}`) }))}
        />
        <Button onClick={() => setDirection(direction === 'asc' ? 'desc' : 'asc')}>
          {direction === 'asc' ? t('members.ascending') : t('members.descending')}
        </Button>
        <ColumnChooser
          visibility={columnVisibility}
          onChange={(next) => {
            setColumnVisibility(next);
            saveColumnVisibility(next);
          }}
        />
        </>
      )}
      <Segmented
        value={view}
        onChange={(v) => setView(v as View)}
        options={[
          { value: 'list', label: t('members.viewList') },
          { value: 'roster', label: t('members.viewRoster') },
        ]}
      />
      <Button type="primary" onClick={openNew} title={t('members.newShortcut')}>
        {t('members.new')}
      </Button>
      <Button onClick={() => setImporting(true)}>{t('import.button')}</Button>
      <Typography.Text type="secondary" data-testid="member-total">
        {t('members.total', { count: total })}
      </Typography.Text>
    </Space>
    ),
    // Everything the toolbar shows; its handlers are state setters or stable callbacks.
    [text, categories, roles, statuses, sort, direction, columnVisibility, view, total, t, openNew],
  );

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      {toolbar}
      <div style={{ paddingInline: 16 }}>
        <DraftsBar kind="member" openRecordId={form.open ? form.memberId : undefined} onResume={(memberId) => setForm({ open: true, memberId })} />
      </div>

      {view === 'roster' ? (
        <RosterView filter={{ categories, roles, text: filters.text }} />
      ) : noMembersAtAll ? (
        <Empty description={t('members.emptyTitle')} style={{ marginTop: 60 }}>
          <Space>
            <Button type="primary" onClick={openNew}>
              {t('members.new')}
            </Button>
            <Button onClick={sample.load} loading={sample.loading}>
              {t('welcome.loadSample')}
            </Button>
          </Space>
        </Empty>
      ) : query.isError ? (
        <Empty description={errorText(t, query.error)} />
      ) : total === 0 && !query.isPending && filtered ? (
        <Empty description={t('members.emptyFiltered')} style={{ marginTop: 60 }}>
          <Button onClick={clearFilters}>{t('members.clearFilters')}</Button>
        </Empty>
      ) : (
        <MemberTable
          rows={rows}
          total={total}
          columnVisibility={columnVisibility}
          sort={sort}
          direction={direction}
          onSortChange={onSortChange}
          onNeedMore={onNeedMore}
          onOpen={openMember}
        />
      )}
      <MemberForm open={form.open} memberId={form.memberId} onClose={() => setForm((f) => ({ ...f, open: false }))} />
      <ImportDrawer open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
