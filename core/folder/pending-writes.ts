// Files the app writes outside its folder (`backup --out`, a saved export) are written beside their
// target under a temporary name, then renamed. A run killed halfway would leave that temporary copy
// of the whole database in the clerk's folder; so the target is noted in the data folder first, and
// the next open removes whatever temporary files of ours sit beside a noted target.
import fs from 'node:fs';
import path from 'node:path';

const MARKER = 'alliance.pending-writes.json';

function markerOf(dataDir: string): string {
  return path.join(dataDir, MARKER);
}

function readTargets(dataDir: string): string[] {
  try {
    const parsed = JSON.parse(fs.readFileSync(markerOf(dataDir), 'utf8')) as unknown;
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string' && path.isAbsolute(t)).slice(0, 100) : [];
  } catch {
    return [];
  }
}

function writeTargets(dataDir: string, targets: string[]): void {
  if (targets.length === 0) fs.rmSync(markerOf(dataDir), { force: true });
  else fs.writeFileSync(markerOf(dataDir), JSON.stringify(targets), { flush: true });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The temporary names our writers give beside `target` (db/backup.ts, core/io/write-file.ts). */
function partialsOf(target: string): RegExp {
  return new RegExp(`^\\.${escape(path.basename(target))}\\.[0-9a-f-]{36}\\.part(-wal|-shm|-journal)?$`);
}

export async function trackPendingWrite<T>(dataDir: string, target: string, work: () => Promise<T>): Promise<T> {
  const absolute = path.resolve(target);
  writeTargets(dataDir, [...readTargets(dataDir), absolute]);
  try {
    return await work();
  } finally {
    const rest = readTargets(dataDir);
    rest.splice(rest.indexOf(absolute), 1);
    writeTargets(dataDir, rest);
  }
}

/** Removes the temporary files a killed run left beside its targets; returns how many. */
export function cleanPendingWrites(dataDir: string): number {
  let removed = 0;
  for (const target of readTargets(dataDir)) {
    const dir = path.dirname(target);
    const pattern = partialsOf(target);
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!pattern.test(name)) continue;
      fs.rmSync(path.join(dir, name), { force: true });
      removed += 1;
    }
  }
  writeTargets(dataDir, []);
  return removed;
}
