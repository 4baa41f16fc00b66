// Save and delete for a record's drawer form: success closes it (after refreshing whatever the
// method declares it changes); a refused save shows the core's field errors and keeps everything typed.
import { useMutation } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errors';
import { showFieldErrors, type NamePath } from '../api/formErrors';
import { useCallAndRefresh, type CallAndRefresh } from '../api/queries';

export interface RecordMutations<V, T> {
  form: FormInstance<V>;
  /** Saves through `refresh`, which calls the method and refreshes what it changes. */
  save(values: V, refresh: CallAndRefresh): Promise<T>;
  remove(refresh: CallAndRefresh): Promise<unknown>;
  savedMessage(saved: T): string;
  deletedMessage(): string;
  onClose(): void;
  /** Where a core field path (`contacts.0.name`) sits in the form, when the form's lists differ. */
  namePathOf?(path: string, values: V): NamePath;
}

export function useRecordMutations<V, T>(options: RecordMutations<V, T>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useCallAndRefresh();
  const done = (text: string) => {
    message.success(text);
    options.onClose();
  };
  // One save at a time, decided synchronously: a double click or a second Ctrl+S in the same moment
  // would otherwise both pass a check of isPending, which only changes on the next render.
  const saving = useRef(false);
  const mutation = useMutation({
    mutationFn: (values: V) => options.save(values, refresh),
    onSettled: () => {
      saving.current = false;
    },
    onSuccess: (saved) => done(options.savedMessage(saved)),
    onError: (error, values) => {
      const toPath = options.namePathOf ? (path: string) => options.namePathOf!(path, values) : undefined;
      if (showFieldErrors(options.form, error, t, toPath)) message.error(t('form.fixErrors'));
      else message.error(errorText(t, error));
    },
  });
  const remove = useMutation({
    mutationFn: () => options.remove(refresh),
    onSuccess: () => done(options.deletedMessage()),
    onError: (error) => message.error(errorText(t, error)),
  });
  const save = {
    ...mutation,
    mutate: (values: V) => {
      if (saving.current) return;
      saving.current = true;
      mutation.mutate(values);
    },
  };
  return { save, remove };
}
