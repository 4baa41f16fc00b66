// A project's kind as the clerk reads it: a standard kind by its translated name, her own by itself.
import type { TFunction } from 'i18next';
import { PROJECT_KINDS } from '../../../../core/contract/codes';

export function projectKindLabel(t: TFunction, kind: string): string {
  return (PROJECT_KINDS as readonly string[]).includes(kind) ? t(`projectKind.${kind}`) : kind;
}

/** Every kind to choose from: the standard ones, then those the secretariat added. */
export function projectKindOptions(t: TFunction, custom: readonly string[]): { value: string; label: string }[] {
  return [...PROJECT_KINDS.map((k) => ({ value: k as string, label: t(`projectKind.${k}`) })), ...custom.map((k) => ({ value: k, label: k }))];
}
