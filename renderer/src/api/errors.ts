// Turns the core's error shape into text in the current language.
import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../core/contract/errors';
import { ApiError } from './client';

export function issueText(t: TFunction, issue: Pick<FieldIssue, 'key' | 'params' | 'message'>): string {
  return t(issue.key, { ...issue.params, defaultValue: issue.message });
}

export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const { details, message } = error.shape;
    return details?.key ? t(details.key, { ...details.params, defaultValue: message }) : message;
  }
  return t('errors.internal');
}

