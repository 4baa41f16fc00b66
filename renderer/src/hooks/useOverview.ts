import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';

export const overviewKey = ['app.overview'] as const;

export function useOverview() {
  return useQuery({ queryKey: overviewKey, queryFn: () => call('app.overview', {}) });
}
