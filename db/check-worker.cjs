// Runs on a worker thread: checks the data file on a read-only connection of its own (quick_check and
// foreign_key_check) and, when it is sound, takes the start-up backup through SQLite's online backup
// API. On a large file these take seconds; here they do not hold up the first page. Plain CommonJS so
// Node, tsx and Electron all load it as it is.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require('better-sqlite3');

const { file, nativeBinding, backupTarget } = workerData;

async function main() {
  const started = performance.now();
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    db.pragma('busy_timeout = 5000');
    let reason = null;
    let locked = false;
    try {
      const messages = db.pragma('quick_check(20)').map((row) => Object.values(row)[0]);
      if (messages.length !== 1 || messages[0] !== 'ok') reason = messages.slice(0, 3).join('; ');
      else {
        const broken = db.pragma('foreign_key_check').length;
        if (broken) reason = `${broken} rows with broken references`;
      }
    } catch (error) {
      reason = error.message;
      // Another program holding the file: not damage, and the main thread says so.
      if (/^SQLITE_(BUSY|LOCKED)/.test(String(error.code))) locked = true;
    }
    parentPort.postMessage({ kind: 'check', ok: reason === null, reason, locked, milliseconds: performance.now() - started });
    if (reason !== null || !backupTarget) return;
    const partial = `${backupTarget}.part`;
    try {
      await db.backup(partial);
      const copy = new Database(partial, { nativeBinding });
      copy.pragma('journal_mode = DELETE');
      copy.close();
      fs.renameSync(partial, backupTarget);
      parentPort.postMessage({ kind: 'backup', size: fs.statSync(backupTarget).size });
    } catch (error) {
      for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(leftover, { force: true });
      parentPort.postMessage({ kind: 'backupFailed', reason: error.message });
    }
  } finally {
    db.close();
  }
}

main().catch((error) => parentPort.postMessage({ kind: 'check', ok: false, reason: error.message, milliseconds: 0 }));
