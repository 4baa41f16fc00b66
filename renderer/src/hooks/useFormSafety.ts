// What every record form does so that the clerk never loses what she typed:
// - closing (×, 取消, Esc) asks before discarding changes; an untouched form just closes;
// - Esc first closes an open dropdown or date picker, and never acts while an IME is composing;
// - Ctrl+S and Ctrl+Enter save;
// - unsaved values are kept as a draft, so a reload or a closed window can be resumed; opening the
//   form again restores the draft, which the clerk can throw away.
import { App, type FormInstance } from 'antd';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftKey, dropDraft, readDraft, writeDraft, type DraftKind } from '../forms/drafts';
import { useOverview } from './useOverview';

export interface FormSafetyOptions {
  form: FormInstance;
  open: boolean;
  kind: DraftKind;
  /** null for a new record. */
  recordId: string | null;
  onClose(): void;
  /** Where the cursor goes back to when the clerk keeps editing. */
  focusField?: string;
}

// Popups that Esc should close before anything else (antd marks a closed one with a -hidden class).
const POPUPS = '.ant-select-dropdown, .ant-picker-dropdown, .ant-dropdown, .ant-cascader-dropdown, .ant-popover, .ant-mentions-dropdown';
const LAYERS = '.ant-modal-wrap, .ant-drawer-content-wrapper';

const shown = (element: Element) => !/-hidden\b/.test(element.className) && element.getClientRects().length > 0;

/** A window other than this form's (a confirmation, say) is open above it. */
function windowAbove(root: Element | null): boolean {
  return [...document.querySelectorAll(LAYERS)].some((layer) => shown(layer) && !root?.contains(layer));
}

const popupOpen = () => [...document.querySelectorAll(POPUPS)].some(shown);

/** Text typed into a picker's search (a tag not yet confirmed with Enter): Esc is the picker's. */
const typingInPicker = () => {
  const active = document.activeElement as HTMLInputElement | null;
  return active?.getAttribute('role') === 'combobox' && Boolean(active.value);
};

const labelOf = (values: Record<string, unknown>): string => {
  for (const key of ['name', 'title', 'field']) if (typeof values[key] === 'string' && values[key]) return values[key] as string;
  return '';
};

export function useFormSafety({ form, open, kind, recordId, onClose, focusField }: FormSafetyOptions) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const scope = useOverview().data?.dataFile ?? '';
  const key = draftKey(scope, kind, recordId);
  const rootClassName = `record-form-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  // What the form held when it was filled: closing asks before discarding anything different.
  const opened = useRef<{ text: string; values: unknown }>({ text: '', values: {} });
  const [restored, setRestored] = useState<{ savedAt: string } | null>(null);
  const pending = useRef<number | null>(null);
  const snapshot = useCallback(() => JSON.stringify(form.getFieldsValue(true)), [form]);

  const cancelPending = () => {
    if (pending.current !== null) window.clearTimeout(pending.current);
    pending.current = null;
  };
  const keepDraft = useCallback(() => {
    cancelPending();
    if (snapshot() === opened.current.text) return dropDraft(key);
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    writeDraft(key, { kind, recordId, label: labelOf(values), values });
  }, [form, key, kind, recordId, snapshot]);

  /** Remembers the form as filled now as its unchanged state, and restores a draft over it if there is one. */
  const markClean = () => {
    opened.current = { text: snapshot(), values: form.getFieldsValue(true) };
    const draft = readDraft(key);
    if (draft) {
      form.setFieldsValue(draft.values as Record<string, unknown>);
      setRestored({ savedAt: draft.savedAt });
    } else {
      setRestored(null);
    }
  };

  /** After a save or a delete: nothing left to keep. */
  const closeDone = () => {
    cancelPending();
    dropDraft(key);
    setRestored(null);
    onClose();
  };

  const discard = () => {
    cancelPending();
    dropDraft(key);
    setRestored(null);
    form.resetFields();
    onClose();
  };

  const requestClose = () => {
    if (snapshot() === opened.current.text) return discard();
    modal.confirm({
      title: t('form.discardTitle'),
      content: t('form.discardBody'),
      okText: t('form.discard'),
      cancelText: t('form.keepEditing'),
      okButtonProps: { danger: true },
      // Back in the form, so typing (and Esc) work again without reaching for the mouse.
      afterClose: () => (focusField ? (form.getFieldInstance(focusField) as HTMLInputElement | undefined)?.focus() : undefined),
      onOk: discard,
    });
  };

  /** Throws the restored draft away: the form shows the record as stored (or empty) again. */
  const discardRestored = () => {
    cancelPending();
    dropDraft(key);
    setRestored(null);
    form.resetFields();
    form.setFieldsValue(opened.current.values as Record<string, unknown>);
  };

  const onValuesChange = () => {
    cancelPending();
    pending.current = window.setTimeout(keepDraft, 300);
  };

  // The latest handlers for the window's listeners, which are added once per opening.
  // (A save under way ignores a second submit: see the forms' onFinish.)
  const latest = useRef({ requestClose, submit: () => form.submit(), keepDraft });
  latest.current = { requestClose, submit: () => form.submit(), keepDraft };
  useEffect(() => {
    if (!open) return;
    const inThisForm = () => {
      const root = document.querySelector(`.${rootClassName}`);
      const focused = document.activeElement;
      return { root, mine: !focused || focused === document.body || Boolean(root?.contains(focused)) };
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.keyCode === 229) return; // the IME's own Esc and Enter
      const save = (event.ctrlKey || event.metaKey) && (event.key.toLowerCase() === 's' || event.key === 'Enter');
      if (event.key !== 'Escape' && !save) return;
      // Captured before the popups see the key, so "a dropdown is open" is read as it was.
      const { root, mine } = inThisForm();
      // Esc belongs to an open dropdown first; saving does not wait for one to close.
      if (!mine || windowAbove(root) || (!save && (popupOpen() || typingInPicker()))) return;
      // The key is this form's alone: the question it opens must not see the same Esc and close.
      event.preventDefault();
      event.stopPropagation();
      if (save) latest.current.submit();
      else latest.current.requestClose();
    };
    // A reload or a closed window within the pause before the draft is written keeps it too.
    const onHide = () => {
      if (pending.current !== null) latest.current.keepDraft();
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('pagehide', onHide);
    };
  }, [open, rootClassName]);

  return { markClean, requestClose, closeDone, onValuesChange, restored, discardRestored, rootClassName };
}
