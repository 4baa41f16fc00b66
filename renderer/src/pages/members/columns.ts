// Member table columns: which exist, which show by default, and which core sort each header drives.
import type { ApiInput } from '../../../../core/contract/registry';

export type SortKey = NonNullable<ApiInput<'members.list'>['sort']>;

export const MEMBER_COLUMNS = ['seq', 'name', 'category', 'role', 'status', 'contact', 'contactTitle', 'phone', 'uscc', 'joinDate'] as const;
export type MemberColumn = (typeof MEMBER_COLUMNS)[number];

export const COLUMN_WIDTHS: Record<MemberColumn, string> = {
  seq: '64px',
  name: 'minmax(260px, 3fr)',
  category: 'minmax(110px, 1fr)',
  role: 'minmax(130px, 1fr)',
  status: '96px',
  contact: '96px',
  contactTitle: 'minmax(110px, 1fr)',
  phone: '130px',
  uscc: '190px',
  joinDate: '110px',
};

export const SORT_OF_COLUMN: Partial<Record<MemberColumn, SortKey>> = {
  name: 'pinyin',
  category: 'category',
  role: 'role',
  joinDate: 'joinDate',
};

/** Always shown: a table without names is no use. */
export const FIXED_COLUMNS: readonly MemberColumn[] = ['seq', 'name'];

const STORAGE_KEY = 'alliance.memberColumns';
const DEFAULT_HIDDEN: readonly MemberColumn[] = ['uscc', 'joinDate'];

export function loadColumnVisibility(): Record<MemberColumn, boolean> {
  const visibility = Object.fromEntries(MEMBER_COLUMNS.map((c) => [c, !DEFAULT_HIDDEN.includes(c)])) as Record<MemberColumn, boolean>;
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, unknown>;
    for (const column of MEMBER_COLUMNS) if (typeof stored[column] === 'boolean' && !FIXED_COLUMNS.includes(column)) visibility[column] = stored[column];
  } catch {
    // A damaged stored choice falls back to the defaults.
  }
  return visibility;
}

export function saveColumnVisibility(visibility: Record<MemberColumn, boolean>): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(visibility));
  } catch {
    // Not remembered, but still applied for this session.
  }
}
