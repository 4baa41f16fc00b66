// The alliance profile and the settings bound to their tables.
import { allianceProfile, settings } from '../../db/schema.js';
import { bindModel } from '../records/model.js';
import { allianceFields, settingFields } from './fields.js';

export const allianceModel = bindModel('alliance', allianceProfile, allianceFields);
export const settingModel = bindModel('settings', settings, settingFields);
