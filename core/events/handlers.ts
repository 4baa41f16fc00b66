// Events' and the ceremony's methods, implemented.
import { implement } from '../contract/handlers.js';
import { ceremonyState, markCurrentSigned, moveSigning, planSignings, undoLastSigned } from './ceremony.js';
import { eventMethods } from './contract.js';
import { createEvent, deleteEvent, getEvent, listEvents, markAllAttended, updateEvent } from './events.js';

export const eventHandlers = implement(eventMethods, {
  'events.list': (input, { ctx }) => listEvents(ctx, input),
  'events.get': (input, { ctx }) => getEvent(ctx, input.id),
  'events.create': (input, { ctx }) => createEvent(ctx, input),
  'events.update': (input, { ctx }) => updateEvent(ctx, input),
  'events.delete': (input, { ctx }) => deleteEvent(ctx, input.id),
  'events.markAllAttended': (input, { ctx }) => markAllAttended(ctx, input.id),
  'ceremony.state': (input, { ctx }) => ceremonyState(ctx, input.eventId),
  'ceremony.plan': (input, { ctx }) => planSignings(ctx, input),
  'ceremony.move': (input, { ctx }) => moveSigning(ctx, input),
  'ceremony.mark': (input, { ctx }) => markCurrentSigned(ctx, input.eventId),
  'ceremony.undo': (input, { ctx }) => undoLastSigned(ctx, input.eventId),
});
