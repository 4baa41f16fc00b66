// Members come from the core a page at a time, already filtered and sorted there.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ApiInput } from '../../../../core/contract/registry';
import { call } from '../../api/client';
import { queryKeyOf } from '../../api/queries';

/** The first page is small so a filter shows quickly; later pages are large so scrolling fetches rarely. */
export const FIRST_PAGE_SIZE = 100;
export const PAGE_SIZE = 500;

export type MemberFilters = Omit<ApiInput<'members.list'>, 'offset' | 'limit'>;

export function useMemberList(filters: MemberFilters) {
  const query = useInfiniteQuery({
    queryKey: queryKeyOf('members.list', filters),
    queryFn: ({ pageParam }) => call('members.list', { ...filters, offset: pageParam, limit: pageParam === 0 ? FIRST_PAGE_SIZE : PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.rows.length < last.total ? last.offset + last.rows.length : undefined),
    placeholderData: keepPreviousData,
  });
  // The same array until the pages change, so the memoised table does not re-render for nothing.
  const pages = query.data?.pages;
  const rows = useMemo(() => pages?.flatMap((p) => p.rows) ?? [], [pages]);
  const total = query.data?.pages[0]?.total ?? 0;
  return { query, rows, total };
}
