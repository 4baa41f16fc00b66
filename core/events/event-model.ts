// The event models bound to their tables.
import { agendaItems, attendance, ceremonySignings, events } from '../../db/schema.js';
import { bindModel } from '../records/model.js';
import { agendaFields, attendanceFields, ceremonySigningFields, eventFields } from './fields.js';

export const eventModel = bindModel('event', events, eventFields);
export const agendaModel = bindModel('agenda_item', agendaItems, agendaFields);
export const attendanceModel = bindModel('attendance', attendance, attendanceFields);
export const ceremonySigningModel = bindModel('ceremony_signing', ceremonySignings, ceremonySigningFields);
