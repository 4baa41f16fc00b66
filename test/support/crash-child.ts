// Child process for the crash test: opens a data folder and imports a 10,000-row roster through the
// real import path (stage → commit, one transaction in chunks), printing `begin` as the commit
// starts, `progress N` as its job reports, and `commit` once it is done; then it waits to be killed.
import { randomUUID } from 'node:crypto';
import { DataFolder } from '../../core/folder/data-folder.js';
import { validUscc } from './import-fixtures.js';

const [dir, runText, countText] = process.argv.slice(2);
const run = Number(runText);
const count = Number(countText);
const say = (line: string) => process.stdout.write(`${line}\n`);

// A roster of its own for every run, so each commit writes `count` new members.
const lines = ['单位名称,类别,统一社会信用代码,联系人,联系电话'];
for (let i = 0; i < count; i++) lines.push(`长春第${run}批第${i + 1}号汽车零部件有限公司,企业,${validUscc(1_000_000 + run * count + i)},联系人${i % 97},139${String(10_000_000 + i)}`);

const folder = await DataFolder.open(dir!, { autoBackupMinutes: null, startupBackup: false });
const staged = await folder.dispatcher.dispatch('imports.stage', { fileName: `第${run}批.csv`, bytes: Buffer.from(lines.join('\n')).toString('base64') });
if (!staged.ok) throw new Error(JSON.stringify(staged.error));
const jobId = randomUUID();
setInterval(() => {
  const progress = folder.dispatcher.dispatch('jobs.progress', { jobId });
  if (!(progress instanceof Promise) && progress.ok && progress.result) say(`progress ${(progress.result as { done: number }).done}`);
}, 5);
say('begin');
const committed = await folder.dispatcher.dispatch('imports.commit', { uploadId: (staged.result as { uploadId: string }).uploadId }, { jobId });
if (!committed.ok) throw new Error(JSON.stringify(committed.error));
say('commit');
// Stay alive until killed: a kill after the commit must find it whole too.
setInterval(() => undefined, 1000);
