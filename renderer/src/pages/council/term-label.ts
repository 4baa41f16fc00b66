// How a term is named and coloured wherever it shows: 第一届理事会, or 届次未定 when its number is not known.
import type { TFunction } from 'i18next';
import { chineseNumber, type TermState } from '../../../../core/contract/codes';
import type { TermSummary } from '../../../../core/terms/contract';

export const TERM_STATE_COLORS: Record<TermState, string> = { draft: 'orange', current: 'green', closed: 'default' };

export function termLabel(t: TFunction, term: Pick<TermSummary, 'ordinal'>): string {
  return term.ordinal == null ? t('council.unknownTerm') : t('council.termName', { number: term.ordinal, numberZh: chineseNumber(term.ordinal) });
}
