// Child process for the crash test: opens a data folder and writes 10,000 members in one transaction,
// saying on stdout when it starts and when it has committed, until the parent kills it.
import { DataFolder } from '../../core/folder/data-folder.js';
import { generateMembers } from '../../core/sample/generate.js';

const [dir, countText] = process.argv.slice(2);
const folder = await DataFolder.open(dir!, { autoBackupMinutes: null, startupBackup: false });
process.stdout.write('begin\n');
generateMembers(folder.appCore!.ctx, Number(countText), { onProgress: (n) => process.stdout.write(`progress ${n}\n`) });
process.stdout.write('commit\n');
folder.close();
