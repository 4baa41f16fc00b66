// A project's kind as the clerk reads it: a standard kind by its translated name, her own by itself.
import type { TFunction } from 'i18next';
import { PROJECT_KINDS } from '../../../../core/contract/codes';

export function projectKindLabel(t: TFunction, kind: string): string {
  return (PROJECT_KINDS as readonly string[]).includes(kind) ? t(`projectKind.${kind}`) : kind;
}

/** What the form's kind field holds, as the core stores it: a standard kind's name in either language is its code. */
export function projectKindCode(t: TFunction, typed: string): string {
  const text = typed.trim();
  return PROJECT_KINDS.find((k) => t(`projectKind.${k}`) === text || k === text) ?? text;
}

/** Every kind to choose from: the standard ones, then those the secretariat added. */
export function projectKindOptions(t: TFunction, custom: readonly string[]): { value: string; label: string }[] {
  return [...PROJECT_KINDS.map((k) => ({ value: k as string, label: t(`projectKind.${k}`) })), ...custom.map((k) => ({ value: k, label: k }))];
}
