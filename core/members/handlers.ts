// The member register's methods, implemented.
import { implement } from '../contract/handlers.js';
import { contactsOf, createContact, deleteContact, updateContact } from './contacts.js';
import { memberMethods } from './contract.js';
import { listMembers } from './member-list.js';
import { checkUscc, createMember, deleteMember, getMember, setMemberStatus, updateMember } from './members.js';
import { buildRoster } from './roster.js';

export const memberHandlers = implement(memberMethods, {
  'members.list': (input, { ctx }) => listMembers(ctx, input),
  'members.get': (input, { ctx }) => getMember(ctx, input.id),
  'members.create': (input, { ctx }) => createMember(ctx, input),
  'members.update': (input, { ctx }) => updateMember(ctx, input),
  'members.setStatus': (input, { ctx }) => setMemberStatus(ctx, input),
  'members.delete': (input, { ctx }) => deleteMember(ctx, input.id),
  'members.checkUscc': (input) => checkUscc(input),
  'contacts.list': (input, { ctx }) => contactsOf(ctx, input.organizationId),
  'contacts.create': (input, { ctx }) => createContact(ctx, input),
  'contacts.update': (input, { ctx }) => updateContact(ctx, input),
  'contacts.delete': (input, { ctx }) => deleteContact(ctx, input.id),
  'reports.roster': (input, { ctx }) => buildRoster(ctx, input),
});
