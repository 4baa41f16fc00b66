// The exchange's methods, implemented.
import { implement } from '../contract/handlers.js';
import { collectExchange } from './collect.js';
import { exchangeMethods } from './contract.js';
import { applyExchange, listLosers, restoreLoser, reviewExchange, stageExchange } from './exchange.js';
import { exchangeInfo } from './replica.js';

export const exchangeHandlers = implement(exchangeMethods, {
  'exchange.info': (_input, { ctx }) => exchangeInfo(ctx),
  'exchange.export': (input, { ctx }, job) => collectExchange(ctx, input, job),
  'exchange.stage': (input, { ctx }, job) => stageExchange(ctx, input, job),
  'exchange.review': (input, { ctx }, job) => reviewExchange(ctx, input, job),
  'exchange.apply': (input, { ctx }, job) => applyExchange(ctx, input, job),
  'exchange.losers': (input, { ctx }) => listLosers(ctx, input),
  'exchange.restoreLoser': (input, { ctx }) => restoreLoser(ctx, input.id),
});
