// The agreement and party models bound to their tables; an agreement's search text is derived from
// its number, title, summary, tags and parties' names.
import { agreementParties, agreements } from '../../db/schema.js';
import { bindModel } from '../records/model.js';
import { buildSearchText } from '../text/search-text.js';
import { agreementFields, partyFields } from './fields.js';

export const agreementModel = bindModel('agreement', agreements, agreementFields, ['searchText']);
export const partyModel = bindModel('agreement_party', agreementParties, partyFields);

export function agreementSearchText(agreement: { number: string; title: string; summary: string | null; tags: string[] }, partyNames: string[]): string {
  return buildSearchText([agreement.number, agreement.title, agreement.summary, ...agreement.tags, ...partyNames]);
}
