// Members come from the core a page at a time, already filtered and sorted there.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ApiInput } from '../../../../core/api';
import { call } from '../../api/client';

export const PAGE_SIZE = 200;

export type MemberFilters = Omit<ApiInput<'members.list'>, 'offset' | 'limit'>;

export function useMemberList(filters: MemberFilters) {
  const query = useInfiniteQuery({
    queryKey: ['members.list', filters],
    queryFn: ({ pageParam }) => call('members.list', { ...filters, offset: pageParam, limit: PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.rows.length < last.total ? last.offset + last.rows.length : undefined),
    placeholderData: keepPreviousData,
  });
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  return { query, rows, total };
}
