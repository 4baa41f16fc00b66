// The layer rules are enforced by lint, not by good intentions: prove each ban fires.
import { ESLint } from 'eslint';
import fs from 'node:fs';
import path from 'node:path';
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
    ['db/x.ts', "import { AppError } from '../core/contract/errors.js';\nexport const a = AppError;"],
    ['db/x.ts', "import type { ServiceContext } from '../core/contract/context.js';\nexport type A = ServiceContext;"],
    ['core/members/contract.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['core/members/fields.ts', "import { organizations } from '../../db/schema.js';\nexport const a = organizations;"],
    ['renderer/src/x.ts', "import { listMembers } from '../../core/members/member-list';\nexport const a = listMembers;"],
    ['renderer/src/x.ts', "import { createDispatcher } from '../../core/contract/dispatcher';\nexport const a = createDispatcher;"],
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
    ['renderer/src/x.ts', "import { specOf } from '../../core/contract/registry';\nexport const a = specOf;"],
    ['renderer/src/x.ts', "import { memberFields } from '../../core/members/fields';\nexport const a = memberFields;"],
    ['renderer/src/x.ts', "import type { Member } from '../../core/members/member-list';\nexport type A = Member;"],
    ['core/members/contract.ts', "import type { ServiceContext } from '../contract/context.js';\nexport type A = ServiceContext;"],
    ['core/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['electron/x.ts', "import { app } from 'electron';\nimport { DataFolder } from '../core/folder/data-folder.js';\nexport const a = [app, DataFolder];"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });

  it('keeps the contract the renderer loads free of Node and the database, all the way down its imports', () => {
    const reached = runtimeImports(path.resolve('core/contract/registry.ts'));
    expect(reached.files.length).toBeGreaterThan(15);
    expect(reached.packages).toEqual(['zod']);
  });
});

/** Every file and package a module loads at run time (type-only imports are erased), transitively. */
function runtimeImports(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
      const spec = match[1]!;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const resolved = path.resolve(path.dirname(file), spec).replace(/\.js$/, '');
      visit(fs.existsSync(`${resolved}.ts`) ? `${resolved}.ts` : `${resolved}.tsx`);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages].sort() };
}
