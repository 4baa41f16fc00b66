// Plaques' and appointment letters' methods, implemented.
import { implement } from '../contract/handlers.js';
import { registerMemberReferenceCheck } from '../members/members.js';
import { exportAwards, exportCertificates } from './award-exports.js';
import { createAward, deleteAward, listAwards, updateAward } from './awards.js';
import { awardMethods } from './contract.js';
import { getLayout, setLayout } from './layouts.js';

export const awardHandlers = implement(awardMethods, {
  'awards.list': (input, { ctx }) => listAwards(ctx, input),
  'awards.create': (input, { ctx }) => createAward(ctx, input),
  'awards.update': (input, { ctx }) => updateAward(ctx, input),
  'awards.delete': (input, { ctx }) => deleteAward(ctx, input.id),
  'awards.layout': (input, { ctx }) => getLayout(ctx, input.kind),
  'awards.setLayout': (input, { ctx }) => setLayout(ctx, input.kind, input.layout),
  'exports.awards': (input, { ctx }, job) => exportAwards(ctx, input, job),
  'exports.certificates': (input, { ctx }, job) => exportCertificates(ctx, input, job),
});

// A unit holding a plaque, or the unit of an appointee, stays: the certificate names it.
registerMemberReferenceCheck((ctx, organizationId) => {
  const numbers = ctx.sqlite.prepare('SELECT number FROM awards WHERE organization_id = ? ORDER BY number LIMIT 3').pluck().all(organizationId) as string[];
  if (numbers.length === 0) return null;
  return { key: 'errors.memberHasAwards', params: { numbers: numbers.join('、') }, message: `This member holds certificates ${numbers.join(', ')}; it cannot be deleted.` };
});
