// Registered from the terms' handlers, not from terms.ts: the member service imports the seat
// functions, and a registration run while members.ts is still loading would meet its list uninitialised.
import { registerMemberReferenceCheck } from '../members/members.js';

// A member with a seat in a past term is part of the council's history: removing it would rewrite past
// council lists. Its seat and changes in the current or next term go with it (the history keeps them).
registerMemberReferenceCheck((ctx, organizationId) => {
  const count = ctx.sqlite
    .prepare(
      `SELECT count(*) FROM term_seats s JOIN council_terms t ON t.id = s.term_id WHERE s.organization_id = ? AND t.state = 'closed'`,
    )
    .pluck()
    .get(organizationId) as number;
  if (count === 0) return null;
  return { key: 'errors.memberInCouncilHistory', params: { count }, message: `This member is in the council's history (${count} records); it cannot be deleted.` };
});
