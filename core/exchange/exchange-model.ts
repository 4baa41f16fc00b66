// The exchange's tables bound to their field models.
import { syncAliases, syncClock, syncFilesRead, syncLosers, syncPartners } from '../../db/schema.js';
import { bindModel } from '../records/model.js';
import { syncAliasFields, syncClockFields, syncFileReadFields, syncLoserFields, syncPartnerFields } from './fields.js';

export const syncClockModel = bindModel('sync_clock', syncClock, syncClockFields);
export const syncPartnerModel = bindModel('sync_partner', syncPartners, syncPartnerFields);
export const syncLoserModel = bindModel('sync_loser', syncLosers, syncLoserFields);
export const syncFileReadModel = bindModel('sync_file_read', syncFilesRead, syncFileReadFields);
export const syncAliasModel = bindModel('sync_alias', syncAliases, syncAliasFields);
