// The layer rules are enforced by lint, not by good intentions: prove each ban fires.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['core/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['core/x.ts', "import React from 'react';\nexport const a = React;"],
    ['core/x.ts', "import { call } from '../renderer/src/api/client';\nexport const a = call;"],
    ['core/x.ts', 'export const a = window.location.href;'],
    ['db/x.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;"],
    ['renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['renderer/src/x.ts', "import path from 'path';\nexport const a = path;"],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['renderer/src/x.ts', "import { openDatabase } from '../../db/open';\nexport const a = openDatabase;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
    ['renderer/src/x.ts', "import { createMember } from '../../core/members/members';\nexport const a = createMember;"],
    ['server/x.ts', "import { app } from 'electron';\nexport const a = app;"],
  ])('refuses in %s: %s', async (file, code) => {
    expect((await restrictedImports(file, code)).length).toBeGreaterThan(0);
  });

  it.each([
    ['renderer/src/x.ts', "import type { ApiInput } from '../../core/contract/registry';\nexport type A = ApiInput<'members.list'>;"],
    ['renderer/src/x.ts', "import { MEMBER_ROLES } from '../../core/contract/codes';\nexport const a = MEMBER_ROLES;"],
    ['core/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['electron/x.ts', "import { app } from 'electron';\nimport { DataFolder } from '../core/folder/data-folder.js';\nexport const a = [app, DataFolder];"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
