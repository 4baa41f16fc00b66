// Child process for the numbering test: opens the same data file as its twin, waits for the starting
// signal (a file appearing), then creates agreements as fast as it can and prints their numbers and when it started and finished.
import fs from 'node:fs';
import { freshCore, callOk } from './core.js';

const [file, go, school, enterprise, countText] = process.argv.slice(2);
const core = await freshCore(file!);
// Ready: the file is open. The parent starts both writers together once both are.
fs.writeFileSync(`${go}.ready-${process.pid}`, '');
while (!fs.existsSync(go!)) await new Promise((resolve) => setTimeout(resolve, 1));
const numbers: string[] = [];
const started = performance.timeOrigin + performance.now();
for (let i = 0; i < Number(countText); i++) {
  numbers.push(callOk(core, 'agreements.create', { title: `协议${process.pid}-${i}`, signedDate: '2024-05-01', parties: [{ organizationId: school! }, { organizationId: enterprise! }] }).number);
  // A breath between agreements, as a clerk's saves come: the twin gets its turns in between. Long
  // enough that a twin waiting on the lock (SQLite's busy handler sleeps in growing steps, up to
  // 100 ms) finds it free when it wakes: with 2 ms a loaded machine let one writer do all 40 first.
  await new Promise((resolve) => setTimeout(resolve, 15));
}
const finished = performance.timeOrigin + performance.now();
core.close();
process.stdout.write(JSON.stringify({ numbers, started, finished }));
