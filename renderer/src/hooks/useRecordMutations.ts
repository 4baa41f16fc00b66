// Save and delete for a record's drawer form: success closes it and refreshes what shows the record;
// a refused save shows the core's field errors and keeps everything typed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errors';
import { showFieldErrors } from '../api/formErrors';

export interface RecordMutations<V, T> {
  form: FormInstance<V>;
  save(values: V): Promise<T>;
  remove(): Promise<unknown>;
  /** Query keys (first element) whose data includes this record. */
  invalidate: string[];
  savedMessage(saved: T): string;
  deletedMessage(): string;
  onClose(): void;
}

export function useRecordMutations<V, T>(options: RecordMutations<V, T>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const done = (text: string) => {
    message.success(text);
    for (const key of options.invalidate) void queryClient.invalidateQueries({ queryKey: [key] });
    options.onClose();
  };
  const save = useMutation({
    mutationFn: options.save,
    onSuccess: (saved) => done(options.savedMessage(saved)),
    onError: (error) => {
      if (showFieldErrors(options.form, error, t)) message.error(t('form.fixErrors'));
      else message.error(errorText(t, error));
    },
  });
  const remove = useMutation({
    mutationFn: options.remove,
    onSuccess: () => done(options.deletedMessage()),
    onError: (error) => message.error(errorText(t, error)),
  });
  return { save, remove };
}
