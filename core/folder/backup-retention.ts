// Which backups to keep: the newest 4 of today, the newest of each of the 14 days before, the newest
// of each of the 12 months before that window. Backups taken before a migration or a restore are the
// way back from those steps, and one the clerk asked for is one she means to keep, so the newest 10
// of each of those reasons are kept regardless.

export type BackupReason = 'startup' | 'auto' | 'manual' | 'before-restore' | 'before-migration';

export interface BackupFile {
  name: string;
  /** When it was taken (UTC ISO). */
  takenAt: string;
  reason: BackupReason;
}

const PROTECTED: BackupReason[] = ['before-restore', 'before-migration', 'manual'];

function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function backupsToDelete(backups: BackupFile[], now: Date): string[] {
  const newestFirst = [...backups].sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
  const keep = new Set<string>();
  for (const reason of PROTECTED) newestFirst.filter((b) => b.reason === reason).slice(0, 10).forEach((b) => keep.add(b.name));
  const regular = newestFirst.filter((b) => !PROTECTED.includes(b.reason));

  const today = localDay(now.toISOString());
  regular.filter((b) => localDay(b.takenAt) === today).slice(0, 4).forEach((b) => keep.add(b.name));

  const dayStart = (offset: number) => {
    const d = new Date(now);
    d.setHours(0, 0, 0, 0);
    d.setDate(d.getDate() - offset);
    return d;
  };
  const seenDays = new Set<string>([today]);
  const dailyFrom = dayStart(14).toISOString();
  for (const b of regular) {
    const day = localDay(b.takenAt);
    if (b.takenAt >= dailyFrom && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b.name);
    }
  }
  const monthlyFrom = new Date(dayStart(14));
  monthlyFrom.setMonth(monthlyFrom.getMonth() - 12);
  const seenMonths = new Set<string>();
  for (const b of regular) {
    const month = localDay(b.takenAt).slice(0, 7);
    if (b.takenAt < dailyFrom && b.takenAt >= monthlyFrom.toISOString() && !seenMonths.has(month)) {
      seenMonths.add(month);
      keep.add(b.name);
    }
  }
  return backups.filter((b) => !keep.has(b.name)).map((b) => b.name);
}

const NAME = /^alliance-(\d{8})-(\d{6})-(\d{3})-(startup|auto|manual|before-restore|before-migration)\.sqlite$/;

export function backupFileName(at: Date, reason: BackupReason): string {
  const iso = at.toISOString(); // 2026-11-28T10:00:00.123Z
  return `alliance-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}-${reason}.sqlite`;
}

/** Parses a name this app gave a backup; anything else in the folder is not ours and is left alone. */
export function parseBackupName(name: string): BackupFile | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, date, time, ms, reason] = m as unknown as [string, string, string, string, BackupReason];
  const takenAt = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.${ms}Z`;
  return { name, takenAt, reason };
}
