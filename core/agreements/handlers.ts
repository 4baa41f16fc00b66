// Agreements' methods, implemented.
import { implement } from '../contract/handlers.js';
import { listAgreements } from './agreement-list.js';
import { createAgreement, deleteAgreement, getAgreement, suggestType, updateAgreement } from './agreements.js';
import { agreementMethods } from './contract.js';

export const agreementHandlers = implement(agreementMethods, {
  'agreements.list': (input, { ctx }) => listAgreements(ctx, input),
  'agreements.get': (input, { ctx }) => getAgreement(ctx, input.id),
  'agreements.create': (input, { ctx }) => createAgreement(ctx, input),
  'agreements.update': (input, { ctx }) => updateAgreement(ctx, input),
  'agreements.delete': (input, { ctx }) => deleteAgreement(ctx, input.id),
  'agreements.suggestType': (input, { ctx }) => suggestType(ctx, input),
});
