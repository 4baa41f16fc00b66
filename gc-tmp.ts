import { createCore } from './core/host/core.js';
import { openDatabase } from './db/open.js';
import { memberWorkbook } from './scripts/bench/files.js';
const wb = await memberWorkbook(10_000);
const b64 = wb.toString('base64');
const times: number[] = [];
for (let k = 0; k < 7; k++) {
  const core = createCore(await openDatabase(':memory:'), { attachmentsDir: '/tmp/att' });
  const t = performance.now();
  const s = await core.dispatcher.dispatch('imports.stage', { fileName: 'm.xlsx', bytes: b64 });
  await core.dispatcher.dispatch('imports.commit', { uploadId: (s as any).result.uploadId });
  times.push(performance.now() - t);
  core.close();
}
times.sort((a, b) => a - b);
console.log(process.execArgv.join(' ').includes('semi') ? 'semi64' : 'default', 'median', Math.round(times[3]!), 'min', Math.round(times[0]!));
