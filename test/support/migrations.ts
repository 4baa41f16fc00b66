// Builds migration folders for tests: the app's real migrations plus extra ones, in drizzle-kit's format.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultMigrationsFolder } from '../../db/open.js';

interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

export function tempDir(prefix = 'alliance-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A copy of the app's migrations with `extra` statements appended as further migrations. */
export function migrationsWith(extra: { tag: string; statements: string[] }[]): string {
  const folder = tempDir('alliance-migrations-');
  fs.cpSync(defaultMigrationsFolder(), folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: JournalEntry[] };
  for (const { tag, statements } of extra) {
    const last = journal.entries[journal.entries.length - 1]!;
    journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag, breakpoints: true });
    fs.writeFileSync(path.join(folder, `${tag}.sql`), statements.join('\n--> statement-breakpoint\n'));
  }
  fs.writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  return folder;
}
