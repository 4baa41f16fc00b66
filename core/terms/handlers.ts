// Council terms' methods, implemented.
import { implement } from '../contract/handlers.js';
import { termMethods } from './contract.js';
import { councilAsOf, roleHistory } from './council-as-of.js';
import './member-references.js';
import { recordTermChange, undoTermChange } from './term-changes.js';
import { createPastTerm, deleteTerm, getTerm, listTerms, makeTermCurrent, setTermOfficers, setTermSeat, startNextTerm, updateTerm } from './terms.js';

export const termHandlers = implement(termMethods, {
  'terms.list': (_input, { ctx }) => listTerms(ctx),
  'terms.get': (input, { ctx }) => getTerm(ctx, input.id),
  'terms.create': (input, { ctx }) => createPastTerm(ctx, input),
  'terms.update': (input, { ctx }) => updateTerm(ctx, input),
  'terms.delete': (input, { ctx }) => deleteTerm(ctx, input.id),
  'terms.setSeat': (input, { ctx }) => setTermSeat(ctx, input),
  'terms.recordChange': (input, { ctx }) => recordTermChange(ctx, input),
  'terms.undoChange': (input, { ctx }) => undoTermChange(ctx, input.id),
  'terms.setOfficers': (input, { ctx }) => setTermOfficers(ctx, input),
  'terms.startNext': (_input, { ctx }) => startNextTerm(ctx),
  'terms.makeCurrent': (input, { ctx }) => makeTermCurrent(ctx, input),
  'terms.council': (input, { ctx }) => councilAsOf(ctx, input.date),
  'terms.roleHistory': (input, { ctx }) => roleHistory(ctx, input.organizationId),
});
