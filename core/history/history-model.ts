// The change log bound to its table.
import { changeLog } from '../../db/schema.js';
import { bindModel } from '../records/model.js';
import { changeLogFields } from './fields.js';

export const changeLogModel = bindModel('change_log', changeLog, changeLogFields);
