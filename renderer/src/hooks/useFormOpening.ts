// A record form filled as it opens: the record's values, or a new record's, and then marked clean so
// closing it untouched never asks. Call it after useFormSafety, which restores a draft over these.
import type { FormInstance } from 'antd';
import { useEffect } from 'react';

export function useFormOpening<V>(form: FormInstance<V>, open: boolean, record: unknown, values: () => Partial<V>, safety: { markClean(): void }): void {
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(values() as Parameters<FormInstance<V>['setFieldsValue']>[0]);
    safety.markClean();
    // (`values` and the safety's functions are new each render; what the form opened with is what matters.)
  }, [open, record, form]);
}
