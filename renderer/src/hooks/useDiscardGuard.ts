// Closing a form that holds changes asks first; closing an untouched one just closes it.
import { App, type FormInstance } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function useDiscardGuard(form: FormInstance, onClose: () => void, focusField?: string) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  // What the form held when it opened; closing asks before discarding anything different.
  const openedWith = useRef('');
  const snapshot = () => JSON.stringify(form.getFieldsValue(true));
  return {
    /** Remembers the form as it is now as its unchanged state. */
    markClean: () => {
      openedWith.current = snapshot();
    },
    requestClose: () => {
      if (snapshot() === openedWith.current) return onClose();
      modal.confirm({
        title: t('form.discardTitle'),
        content: t('form.discardBody'),
        okText: t('form.discard'),
        cancelText: t('form.keepEditing'),
        okButtonProps: { danger: true },
        // Back in the form, so typing (and Esc) work again without reaching for the mouse.
        afterClose: () => (focusField ? (form.getFieldInstance(focusField) as HTMLInputElement | undefined)?.focus() : undefined),
        onOk: () => {
          form.resetFields();
          onClose();
        },
      });
    },
  };
}
