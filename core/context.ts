// What every service needs: the open database and a clock (injected so tests can fix the date).
import type Database from 'better-sqlite3';
import type { AppDatabase } from '../db/open.js';

export interface ServiceContext {
  db: AppDatabase;
  sqlite: Database.Database;
  now(): Date;
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
