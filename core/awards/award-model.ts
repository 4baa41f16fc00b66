// The award model bound to its table.
import { awards } from '../../db/schema.js';
import { bindModel } from '../records/model.js';
import { awardFields } from './fields.js';

export const awardModel = bindModel('award', awards, awardFields);
