// Calendar days (YYYY-MM-DD), shared by agreements' terms and council terms.
// Arithmetic in UTC so no time zone shifts a day.
export function toDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}
function fromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}
export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

/** 2026-11-29 → 2026年11月29日, as official documents write dates; anything else is left as it is. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
