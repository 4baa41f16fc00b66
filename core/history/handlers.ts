// The history's methods, implemented.
import { implement } from '../contract/handlers.js';
import { changesForRecord } from './changelog.js';
import { historyMethods } from './contract.js';
import { getChange, recentChanges, restoreDeleted } from './history.js';

export const historyHandlers = implement(historyMethods, {
  'changes.forRecord': (input, { ctx }) => changesForRecord(ctx, input.entity, input.id),
  'changes.get': (input, { ctx }) => getChange(ctx, input.id),
  'changes.recent': (input, { ctx }) => recentChanges(ctx, input),
  'changes.restore': (input, { ctx }) => restoreDeleted(ctx, input.id),
});
