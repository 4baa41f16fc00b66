// Stages one file through a fresh core, as the transport would (base64), and prints what happened
// and the process's peak resident memory: run once per file, so each figure is that file's own.
import fs from 'node:fs';
import { freshCore } from './core.js';

const file = process.argv[2]!;
const core = await freshCore(':memory:');
const bytes = fs.readFileSync(file).toString('base64');
const answer = await core.dispatcher.dispatch('imports.stage', { fileName: file.split('/').pop()!, bytes });
const outcome = answer.ok ? 'read' : ((answer.error.details?.key as string | undefined) ?? answer.error.code);
// VmHWM, not getrusage's maxrss: the latter survives exec and would report the parent's peak.
const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
console.log(JSON.stringify({ outcome, maxRssMb: Math.round(hwmKb / 1024) }));
core.close();
