// Shows the core's per-field errors next to the fields of an antd form, leaving every value as typed.
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from './client';
import { issueText } from './errors';

export type NamePath = (string | number)[];

/** `contacts.0.name` → ['contacts', 0, 'name']. */
export function namePathOf(path: string): NamePath {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Returns false when the error carries no field errors (the caller then shows a general message). */
export function showFieldErrors(form: FormInstance, error: unknown, t: TFunction, toNamePath: (path: string) => NamePath = namePathOf): boolean {
  const fields = error instanceof ApiError ? error.shape.details?.fields : undefined;
  if (!fields || Object.keys(fields).length === 0) return false;
  form.setFields(Object.entries(fields).map(([path, issue]) => ({ name: toNamePath(path) as never, errors: [issueText(t, issue)] })));
  form.scrollToField(toNamePath(Object.keys(fields)[0]!) as never, { block: 'center' });
  return true;
}

/**
 * Clears the messages of the fields a change touched: a refusal's message belongs to the value it
 * refused, and antd keeps a message set from outside until the field validates again.
 */
export function clearChangedErrors(form: FormInstance, changed: unknown, path: NamePath = []): void {
  if (changed !== null && typeof changed === 'object' && !Array.isArray(changed) && !(changed as { $isDayjsObject?: boolean }).$isDayjsObject && path.length < 6) {
    for (const [key, value] of Object.entries(changed)) clearChangedErrors(form, value, [...path, key]);
    return;
  }
  if (Array.isArray(changed) && path.length < 6) {
    changed.forEach((value, i) => value !== undefined && clearChangedErrors(form, value, [...path, i]));
    return;
  }
  if (path.length > 0 && form.getFieldError(path as never).length > 0) form.setFields([{ name: path as never, errors: [] }]);
}
