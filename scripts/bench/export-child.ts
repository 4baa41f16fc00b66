// Exports the 100k roster to xlsx in a process of its own and prints its peak resident memory in MB.
import { DataFolder } from '../../core/data-folder.js';

const folder = await DataFolder.open(process.argv[2]!, { autoBackupMinutes: null, startupBackup: false });
const response = await folder.dispatcher.dispatch('exports.roster', { format: 'xlsx' });
if (!response.ok) throw new Error(JSON.stringify(response.error));
folder.close();
console.log((process.resourceUsage().maxRSS / 1024).toFixed(1));
