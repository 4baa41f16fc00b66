// Member import's methods, implemented.
import { implement } from '../../contract/handlers.js';
import { listBatches, undoBatch } from './batches.js';
import { commitImport } from './commit.js';
import { importMethods } from './contract.js';
import { previewImport, rejectedReport } from './preview.js';
import { chooseStagedSheet, stageImport } from './staging.js';

export const importHandlers = implement(importMethods, {
  'imports.stage': (input, { ctx }, job) => stageImport(ctx, input, job),
  'imports.chooseSheet': (input, { ctx }, job) => chooseStagedSheet(ctx, input, job),
  'imports.preview': (input, { ctx }) => previewImport(ctx, input),
  'imports.commit': (input, { ctx }, job) => commitImport(ctx, input, job),
  'imports.rejectedReport': (input, { ctx }, job) => rejectedReport(ctx, input, job),
  'imports.batches': (_input, { ctx }) => listBatches(ctx),
  'imports.undo': (input, { ctx }) => undoBatch(ctx, input.id),
});
