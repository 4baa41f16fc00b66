// The first screen's facts: the profile, member counts, and where the data file is and how it is.
import { useApiQuery } from '../api/queries';

export function useOverview() {
  return useApiQuery('app.overview', {});
}
