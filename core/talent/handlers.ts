// Talent supply and demand's methods, implemented.
import { implement } from '../contract/handlers.js';
import { talentMethods } from './contract.js';
import { createTalentItem, deleteTalentItem, listTalentItems, updateTalentItem } from './talent.js';

export const talentHandlers = implement(talentMethods, {
  'talent.list': (input, { ctx }) => listTalentItems(ctx, input),
  'talent.create': (input, { ctx }) => createTalentItem(ctx, input),
  'talent.update': (input, { ctx }) => updateTalentItem(ctx, input),
  'talent.delete': (input, { ctx }) => deleteTalentItem(ctx, input.id),
});
