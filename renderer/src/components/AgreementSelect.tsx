// Picks an agreement by typing part of its number, title or a party's name; the core searches.
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/queries';

export function AgreementSelect(props: { value?: string | null; onChange?: (id: string | null) => void; knownLabel?: string | null; id?: string; 'aria-label'?: string; style?: React.CSSProperties }) {
  const { value, onChange, knownLabel, style, ...rest } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const text = useDeferredValue(search);
  const results = useApiQuery('agreements.list', { text: text || undefined, limit: 50 });
  const options = new Map<string, string>();
  if (value && knownLabel) options.set(value, knownLabel);
  for (const a of results.data?.rows ?? []) options.set(a.id, `${a.number} ${a.title}`);
  return (
    <Select<string>
      {...rest}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={t('projects.searchAgreement')}
      loading={results.isFetching}
      style={{ width: '100%', ...style }}
      options={[...options].map(([id, label]) => ({ value: id, label }))}
    />
  );
}
