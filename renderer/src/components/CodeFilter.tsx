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

export function CodeFilter<C extends string>({ codes, labelPrefix, nameKey, value, onChange, minWidth = 150 }: CodeFilterProps<C>) {
  const { t } = useTranslation();
  return (
    <Select<C[]>
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      // Clerks type the label they see (政企), not the stored code.
      showSearch={{ optionFilterProp: 'label' }}
      aria-label={t(nameKey)}
      placeholder={t(nameKey)}
      value={value}
      onChange={onChange}
      style={{ minWidth }}
      options={codes.map((code) => ({ value: code, label: t(`${labelPrefix}.${code as string}`) }))}
    />
  );
}
