// Picks a meeting event (newest first); a secretariat holds a few dozen, so all are listed.
import { Select } from 'antd';
import { useApiQuery } from '../api/queries';

export function EventSelect(props: { value?: string | null; onChange?: (id: string | null) => void; id?: string; placeholder?: string; 'aria-label'?: string; style?: React.CSSProperties }) {
  const { value, onChange, style, ...rest } = props;
  const events = useApiQuery('events.list', {});
  return (
    <Select<string>
      {...rest}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      style={{ width: '100%', ...style }}
      options={(events.data ?? []).map((e) => ({ value: e.id, label: `${e.date} ${e.title}` }))}
    />
  );
}
