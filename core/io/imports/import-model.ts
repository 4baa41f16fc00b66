// Import batches and their items bound to their tables.
import { importBatches, importBatchItems } from '../../../db/schema.js';
import { bindModel } from '../../records/model.js';
import { importBatchFields, importBatchItemFields } from './fields.js';

export const importBatchModel = bindModel('import_batch', importBatches, importBatchFields);
export const importBatchItemModel = bindModel('import_batch_item', importBatchItems, importBatchItemFields);
