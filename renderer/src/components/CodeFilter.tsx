// A multi-select filter over a list of stable codes, labelled through i18n (`category.*`, `role.*` …).
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

export interface CodeFilterProps<C extends string> {
  codes: readonly C[];
  /** i18n prefix of each code's label, e.g. `category`. */
  labelPrefix: string;
  /** i18n key of the filter's name, shown as placeholder and accessible name. */
  nameKey: string;
  value: C[];
  onChange(value: C[]): void;
  minWidth?: number;
}

/** 0 for the label typed whole, 1 for one that starts with it, 2 for the rest (kept in their order). */
function matchRank(label: string, typed: string): number {
  const text = typed.trim();
  return label === text ? 0 : label.startsWith(text) ? 1 : 2;
}

export function CodeFilter<C extends string>({ codes, labelPrefix, nameKey, value, onChange, minWidth = 150 }: CodeFilterProps<C>) {
  const { t } = useTranslation();
  return (
    <Select<C[]>
      mode="multiple"
      allowClear
      // One chosen value stays readable, the rest are counted (named on hover): a narrow filter with
      // "responsive" tags showed only "+ 2 ...", neither its name nor its values.
      maxTagCount={1}
      maxTagPlaceholder={(omitted) => <span title={omitted.map((o) => String(o.label ?? o.value)).join(t('common.listSeparator'))}>+{omitted.length}</span>}
      // Clerks type the label they see (政企), not the stored code; a label typed whole comes first, so
      // Enter on 理事单位 chooses 理事单位, not 常务理事单位 listed above it.
      showSearch={{ optionFilterProp: 'label', filterSort: (a, b, { searchValue }) => matchRank(String(a.label), searchValue) - matchRank(String(b.label), searchValue) }}
      aria-label={t(nameKey)}
      placeholder={t(nameKey)}
      value={value}
      onChange={onChange}
      style={{ minWidth }}
      options={codes.map((code) => ({ value: code, label: t(`${labelPrefix}.${code as string}`) }))}
    />
  );
}
