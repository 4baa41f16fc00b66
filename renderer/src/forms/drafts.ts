// Unsaved form values kept in the window's storage, so a reload, a crash of the page or a closed
// window does not lose what the clerk typed. One draft per form (a record, or "new"), per data file:
// a draft typed into the sample alliance never appears in the clerk's own register.
import dayjs from 'dayjs';

export type DraftKind = 'member' | 'agreement' | 'event' | 'talent' | 'project' | 'officers' | 'signing' | 'plaque' | 'appointment' | 'alliance';

export interface Draft {
  kind: DraftKind;
  /** The record's id, or null for a new record. */
  recordId: string | null;
  /** What the list shows for it: the name or title typed so far. */
  label: string;
  savedAt: string;
  values: unknown;
}

const PREFIX = 'alliance.draft:';
// A form's values are a few kilobytes; anything near the storage's quota is not a form.
const MAX_DRAFT_CHARS = 512 * 1024;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: forms still work, without drafts
  }
}

export function draftKey(scope: string, kind: DraftKind, recordId: string | null): string {
  return `${PREFIX}${scope}\u0000${kind}\u0000${recordId ?? ''}`;
}

// Dates from the date pickers are dayjs objects; JSON would turn them into strings the pickers refuse.
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return dayjs.isDayjs(original) ? { $day: original.format('YYYY-MM-DDTHH:mm:ss') } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const day = (value as { $day?: unknown }).$day;
    if (keys.length === 1 && typeof day === 'string') return dayjs(day);
  }
  return value;
}

export function writeDraft(key: string, draft: Omit<Draft, 'savedAt'>): void {
  const text = JSON.stringify({ ...draft, savedAt: new Date().toISOString() }, replacer);
  if (text.length > MAX_DRAFT_CHARS) return;
  try {
    storage()?.setItem(key, text);
    announceDrafts();
  } catch {
    // Quota reached: the open form still holds everything; only the copy for a reload is missing.
  }
}

export function readDraft(key: string): Draft | null {
  const text = storage()?.getItem(key);
  if (!text) return null;
  try {
    const draft = JSON.parse(text, reviver) as Draft;
    return draft && typeof draft === 'object' && typeof draft.savedAt === 'string' && draft.values && typeof draft.values === 'object' ? draft : null;
  } catch {
    return null; // a damaged entry is no draft
  }
}

export function dropDraft(key: string): void {
  const store = storage();
  if (!store?.getItem(key)) return;
  store.removeItem(key);
  announceDrafts();
}

/** The drafts of one kind of record in one data file, newest first, with their storage keys. */
export function listDrafts(scope: string, kind: DraftKind): (Draft & { key: string })[] {
  const store = storage();
  if (!store) return [];
  const start = `${PREFIX}${scope}\u0000${kind}\u0000`;
  const found: (Draft & { key: string })[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(start)) continue;
    const draft = readDraft(key);
    if (draft) found.push({ ...draft, key });
  }
  return found.sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1));
}

/** Tells open pages that the drafts changed (the storage event only reaches other windows). */
export const DRAFTS_CHANGED = 'alliance-drafts-changed';
export function announceDrafts(): void {
  window.dispatchEvent(new Event(DRAFTS_CHANGED));
}
