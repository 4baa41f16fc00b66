// The term models bound to their tables.
import { councilTerms, termChanges, termOfficers, termSeats } from '../../db/schema.js';
import { bindModel } from '../records/model.js';
import { changeFields, officerFields, seatFields, termFields } from './fields.js';

export const termModel = bindModel('term', councilTerms, termFields);
export const seatModel = bindModel('term_seat', termSeats, seatFields);
export const changeModel = bindModel('term_change', termChanges, changeFields);
export const officerModel = bindModel('term_officer', termOfficers, officerFields);
