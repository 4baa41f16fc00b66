// The talent item model bound to its table.
import { talentItems } from '../../db/schema.js';
import { bindModel } from '../records/model.js';
import { talentFields } from './fields.js';

export const talentModel = bindModel('talent', talentItems, talentFields);
