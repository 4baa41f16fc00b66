// Exports the 100k roster to xlsx in a process of its own and prints its peak resident memory in MB.
// The bench runs it bundled, as the desktop app runs the core, not through the tsx loader.
import path from 'node:path';
import { DataFolder } from '../../core/folder/data-folder.js';

const [dir, root] = process.argv.slice(2) as [string, string];
const folder = await DataFolder.open(dir, { autoBackupMinutes: null, startupBackup: false, migrationsFolder: path.join(root, 'db', 'migrations') });
const response = await folder.dispatcher.dispatch('exports.roster', { format: 'xlsx' });
if (!response.ok) throw new Error(JSON.stringify(response.error));
folder.close();
console.log((process.resourceUsage().maxRSS / 1024).toFixed(1));
