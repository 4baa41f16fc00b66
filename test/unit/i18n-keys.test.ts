// Every message key the core or the UI uses exists in both languages, and the two have the same keys.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_TABLE } from '../../core/contract/errors.js';
import { MEMBER_ROLES, MEMBER_STATUSES, ORGANIZATION_CATEGORIES, ALLIANCE_LEVELS } from '../../core/contract/codes.js';
import en from '../../renderer/src/i18n/en.js';
import { fieldLabels } from '../../renderer/src/i18n/field-labels.js';
import zh from '../../renderer/src/i18n/zh.js';

function flatKeys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? flatKeys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function sourceFiles(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full, ext) : ext.test(e.name) ? [full] : [];
  });
}

// Field labels come from the field models, as the app's i18n set-up adds them.
const zhKeys = new Set(flatKeys({ ...zh, field: fieldLabels('zh') }));

describe('translations', () => {
  it('has the same keys in Chinese and English', () => {
    expect(flatKeys({ ...en, field: fieldLabels('en') }).sort()).toEqual([...zhKeys].sort());
  });

  it('has every message key the core sends', () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles('core', /\.ts$/), ...sourceFiles('server', /\.ts$/), ...sourceFiles('electron', /\.ts$/), ...sourceFiles('db', /\.ts$/)]) {
      // Any string literal naming a message: `key: 'errors.x'`, matching(…, 'validation.y', …) and the like.
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/'((?:errors|validation|warnings)\.[a-zA-Z.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  it('has a message for every error code, in both languages', () => {
    const enKeys = new Set(flatKeys({ ...en, field: fieldLabels('en') }));
    for (const code of ERROR_CODES) {
      expect(zhKeys.has(ERROR_TABLE[code].key), code).toBe(true);
      expect(enKeys.has(ERROR_TABLE[code].key), code).toBe(true);
    }
  });

  it('has every literal key the UI asks for, and a label for every code', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('renderer/src', /\.tsx?$/)) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z]+\.[a-zA-Z.]+)'/g)) used.add(match[1]!);
    }
    for (const c of ORGANIZATION_CATEGORIES) used.add(`category.${c}`).add(`counter.${c}`);
    for (const r of MEMBER_ROLES) used.add(`role.${r}`);
    for (const s of MEMBER_STATUSES) used.add(`status.${s}`);
    for (const l of ALLIANCE_LEVELS) used.add(`level.${l}`);
    expect([...used].filter((k) => !zhKeys.has(k))).toEqual([]);
  });
});
