// Picks a member by typing part of its name; the core searches (name, alias, code, contact).
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/queries';

export interface MemberSelectProps {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** Names already known for ids (e.g. the parties of a loaded agreement), so they show before any search. */
  knownNames?: Record<string, string>;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
  'aria-label'?: string;
  style?: React.CSSProperties;
}

export function MemberSelect({ value, onChange, knownNames = {}, allowClear, placeholder, style, ...rest }: MemberSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const text = useDeferredValue(search);
  const results = useApiQuery('members.list', { text: text || undefined, limit: 50 });
  const options = new Map<string, string>(Object.entries(knownNames));
  for (const row of results.data?.rows ?? []) options.set(row.id, row.name);
  // A chosen member neither known nor found (a restored draft, say) is looked up, never shown as an id.
  const unknown = Boolean(value) && results.isSuccess && !options.has(value!);
  const chosen = useApiQuery('members.get', { id: value ?? '' }, { enabled: unknown });
  if (unknown && chosen.data) options.set(chosen.data.id, chosen.data.name);
  return (
    <Select<string>
      {...rest}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={placeholder ?? t('common.searchMember')}
      loading={results.isFetching}
      style={{ width: '100%', ...style }}
      options={[...options].map(([id, name]) => ({ value: id, label: name }))}
    />
  );
}
