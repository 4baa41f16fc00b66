// Lint, and the layer rules of architecture.md: the core never imports Electron or the DOM; db/
// imports nothing above it; the renderer never imports Node, the database or Electron, and takes from
// core/ only types and the contract (the registry, field models and codes it shares with the core),
// which in turn stays free of Node and the database. Files stay small and core functions short.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads', 'module', 'process', 'zlib'];
const UI_LIBRARIES = ['react', 'react-dom', 'react-dom/*', 'antd', 'antd/*', '@tanstack/react-*', 'i18next', 'react-i18next', 'dayjs'];
const DATABASE = ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', '**/db/**'];

/**
 * The files of the contract: what the renderer may import at run time. Anything they import must
 * be as plain as they are (a unit test walks the import graph from the registry to prove it).
 */
const CONTRACT_FILES = [
  'core/contract/registry.ts',
  'core/contract/method.ts',
  'core/contract/fields.ts',
  'core/contract/codes.ts',
  'core/contract/messages-zh.ts',
  'core/contract/errors.ts',
  'core/contract/validation.ts',
  'core/contract/jobs-contract.ts',
  'core/**/contract.ts',
  'core/**/fields.ts',
  'core/io/exports/formats.ts',
  'core/io/imports/import-fields.ts',
  'core/members/uscc.ts',
  'core/agreements/agreement-rules.ts',
  'core/reports/chart-options.ts',
  'core/awards/certificate-layout.ts',
];
/** The same files as import paths the renderer may name (with or without .js). */
const CONTRACT_IMPORT =
  '(^|/)core/(?!(contract/(registry|method|fields|codes|messages-zh|errors|validation|jobs-contract)|[a-z]+/(contract|fields)|io/(imports|exports)/(contract|fields|formats|import-fields)|reports/chart-options|awards/certificate-layout)(\\.js)?$)';

const restrict = (patterns, paths = []) => ['error', { patterns, paths }];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', '.cache/**', 'coverage/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        { group: ['electron', 'electron/*'], message: 'The core runs without Electron (architecture.md).' },
        { group: UI_LIBRARIES, message: 'The core has no UI.' },
        { group: ['**/renderer/**', '**/electron/**', '**/server/**'], message: 'The core does not depend on a shell or the UI.' },
      ]),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'location'],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    files: CONTRACT_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [
          { group: ['node:*', ...DATABASE], allowTypeImports: true, message: 'The contract is shared with the renderer: no Node modules, no database (types only).' },
          { group: ['electron', 'electron/*', ...UI_LIBRARIES, '**/renderer/**', '**/electron/**', '**/server/**'], message: 'The contract depends on no shell and no UI.' },
        ],
        NODE_BUILTINS.map((name) => ({ name, allowTypeImports: true, message: 'The contract is shared with the renderer: no Node modules.' })),
      ),
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        { group: ['electron', 'electron/*', ...UI_LIBRARIES], message: 'The database layer is plain Node.' },
        { group: ['**/renderer/**', '**/electron/**', '**/server/**'], message: 'db/ does not depend on a shell or the UI.' },
        { group: ['**/core/**'], message: 'db/ is below the core: it imports nothing from core/ (it throws its own DatabaseError).' },
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [
          { group: ['electron', 'electron/*'], message: 'The renderer reaches the desktop only through window.alliance (the preload).' },
          { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' },
          { group: DATABASE, message: 'The renderer talks to the database only through the API.' },
          { regex: CONTRACT_IMPORT, allowTypeImports: true, message: 'The renderer may import only types from core/, and at run time only the contract (registry, field models, codes).' },
          { group: ['**/server/**', '**/electron/**'], message: 'The renderer does not import a shell.' },
        ],
        NODE_BUILTINS.map((name) => ({ name, message: 'The renderer runs in a browser: no Node modules.' })),
      ),
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        { group: ['electron', 'electron/*', ...UI_LIBRARIES], message: 'The browser shell is plain Node.' },
        { group: ['**/renderer/**', '**/electron/**'], message: 'The browser shell serves the built UI; it does not import it.' },
      ]),
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        { group: UI_LIBRARIES, message: 'The desktop shell loads the built UI; it does not import it.' },
        { group: ['**/renderer/**', '**/server/**'], message: 'The desktop shell depends only on core/ and db/.' },
      ]),
    },
  },
  {
    files: ['test/component/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // The check worker is plain CommonJS so Node, tsx and Electron load it unbundled.
  { files: ['db/check-worker.cjs'], languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
