// Exports' methods, implemented.
import { implement } from '../../contract/handlers.js';
import { exportMethods } from './contract.js';
import { exportAgreements, exportContacts, exportCouncil, exportMeeting, exportRoster, exportSignIn, exportTalent, previewDocument } from './exports.js';

export const exportHandlers = implement(exportMethods, {
  'exports.roster': (input, { ctx }, job) => exportRoster(ctx, input, job),
  'exports.council': (input, { ctx }, job) => exportCouncil(ctx, input, job),
  'exports.agreements': (input, { ctx }, job) => exportAgreements(ctx, input, job),
  'exports.meeting': (input, { ctx }, job) => exportMeeting(ctx, input, job),
  'exports.signIn': (input, { ctx }, job) => exportSignIn(ctx, input, job),
  'exports.contacts': (input, { ctx }, job) => exportContacts(ctx, input, job),
  'exports.talent': (input, { ctx }, job) => exportTalent(ctx, input, job),
  'reports.preview': (input, { ctx }) => previewDocument(ctx, input),
});
