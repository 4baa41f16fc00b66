import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToDelete, parseBackupName, type BackupFile, type BackupReason } from '../../core/folder/backup-retention.js';

const now = new Date('2026-11-28T12:00:00Z');
const at = (hoursAgo: number, reason: BackupReason = 'auto'): BackupFile => {
  const d = new Date(now.getTime() - hoursAgo * 3_600_000);
  return { name: backupFileName(d, reason), takenAt: d.toISOString(), reason };
};

describe('backup retention', () => {
  it('names backups so that their time and reason read back', () => {
    const name = backupFileName(new Date('2026-11-28T09:05:07.042Z'), 'startup');
    expect(name).toBe('alliance-20261128-090507-042-startup.sqlite');
    expect(parseBackupName(name)).toEqual({ name, takenAt: '2026-11-28T09:05:07.042Z', reason: 'startup' });
    expect(parseBackupName('notes.txt')).toBeNull();
    expect(parseBackupName('../alliance-20261128-090507-042-startup.sqlite')).toBeNull();
  });

  it('keeps the newest 4 of today, one a day for 14 days and one a month for 12 months', () => {
    // A backup every 3 hours for two years.
    const all = Array.from({ length: (2 * 365 * 24) / 3 }, (_, i) => at(i * 3 + 0.5));
    const deleted = new Set(backupsToDelete(all, now));
    const kept = all.filter((b) => !deleted.has(b.name));
    const day = (b: BackupFile) => new Date(b.takenAt).toISOString().slice(0, 10);
    const today = kept.filter((b) => day(b) === '2026-11-28');
    expect(today).toHaveLength(4);
    expect(today.map((b) => b.name)).toEqual(all.filter((b) => day(b) === '2026-11-28').slice(0, 4).map((b) => b.name));
    const daily = kept.filter((b) => day(b) < '2026-11-28' && day(b) >= '2026-11-14');
    expect(new Set(daily.map(day)).size).toBe(daily.length);
    expect(daily.length).toBe(14);
    const older = kept.filter((b) => day(b) < '2026-11-14');
    expect(new Set(older.map((b) => day(b).slice(0, 7))).size).toBe(older.length);
    expect(older.length).toBeLessThanOrEqual(13);
    expect(older.length).toBeGreaterThanOrEqual(12);
    expect(kept.every((b) => b.takenAt >= '2025-10-01')).toBe(true);
  });

  it('keeps the newest 10 backups taken before migrations and restores, however old', () => {
    const protectedOnes = Array.from({ length: 12 }, (_, i) => at(24 * 400 + i, 'before-restore'));
    const deleted = backupsToDelete(protectedOnes, now);
    expect(deleted).toEqual(protectedOnes.slice(10).map((b) => b.name));
  });

  it('keeps the newest 10 backups the clerk asked for, however old, beside the automatic ones', () => {
    const manual = Array.from({ length: 12 }, (_, i) => at(24 * 400 + i, 'manual'));
    const auto = Array.from({ length: 3 }, (_, i) => at(24 * 400 + i, 'auto'));
    const deleted = backupsToDelete([...manual, ...auto], now);
    expect(deleted.filter((n) => n.includes('manual'))).toEqual(manual.slice(10).map((b) => b.name));
    // Automatic backups that old fall out by the usual rule (all three in the same day, a year ago).
    expect(deleted.filter((n) => n.includes('-auto'))).toHaveLength(3);
  });
});
