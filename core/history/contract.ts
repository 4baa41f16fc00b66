// The history: every change as a list, each record's own changes, and deleted records brought back.
import { z } from 'zod';
import { defineMethods, returns } from '../contract/method.js';
import type { RecordOf } from '../contract/fields.js';
import { CHANGE_ACTIONS, CHANGE_ENTITIES, changeLogFields } from './fields.js';

export type ChangeLogEntry = RecordOf<typeof changeLogFields>;

/** One line of the activity list. */
export interface ChangeSummary {
  id: number;
  at: string;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  /** The record's name, number or title at the time. */
  label: string;
  /** A deleted record that can be brought back and does not exist again yet. */
  restorable: boolean;
}

export const changeRecentInput = z.strictObject({
  entity: z.enum(CHANGE_ENTITIES).optional(),
  action: z.enum(CHANGE_ACTIONS).optional(),
  /** Words in the record as it was (its name, number, a contact, a phone …). */
  text: z.string().max(200).optional(),
  /**
   * When the change was made: from `since` (inclusive) to `until` (exclusive), as instants, so the
   * page asks for the clerk's own days (midnight to midnight where she is), not UTC ones.
   */
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ChangeRecentInput = z.output<typeof changeRecentInput>;

export const historyMethods = defineMethods({
  'changes.forRecord': {
    doc: 'The change log of one record, newest first.',
    input: z.strictObject({ entity: z.enum(CHANGE_ENTITIES), id: z.string().min(1).max(100) }),
    result: returns<ChangeLogEntry[]>(),
    access: 'read',
    reads: ['history'],
  },
  'changes.get': {
    doc: 'One change with the record before and after it, for its details.',
    input: z.strictObject({ id: z.number().int().min(1) }),
    result: returns<ChangeLogEntry>(),
    access: 'read',
    reads: ['history'],
  },
  'changes.recent': {
    doc: 'The alliance-wide activity list: every change, newest first, by kind of record, action, words and days.',
    input: changeRecentInput,
    result: returns<{ rows: ChangeSummary[]; total: number }>(),
    access: 'read',
    reads: ['history'],
  },
  'changes.restore': {
    doc: 'Brings back a deleted member, agreement, event, talent item or project from the snapshot its deletion logged.',
    input: z.strictObject({ id: z.number().int().min(1) }),
    result: returns<{ entity: string; id: string }>(),
    access: 'write',
    changes: ['organization', 'contact', 'agreement', 'attachment', 'event', 'talent', 'project', 'award', 'term'],
  },
});
