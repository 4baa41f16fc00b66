// Lint, and the layer rules of architecture.md: the core never imports Electron or the DOM;
// the renderer never imports Node, the database or Electron, and takes only types from core/.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads', 'module', 'process', 'zlib'];
const UI_LIBRARIES = ['react', 'react-dom', 'react-dom/*', 'antd', 'antd/*', '@tanstack/react-*', 'i18next', 'react-i18next', 'dayjs'];

const restrict = (patterns, paths = []) => ['error', { patterns, paths }];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', '.cache/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['core/**/*.ts', 'db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        { group: ['electron', 'electron/*'], message: 'The core runs without Electron (architecture.md).' },
        { group: UI_LIBRARIES, message: 'The core has no UI.' },
        { group: ['**/renderer/**', '**/electron/**', '**/server/**'], message: 'The core does not depend on a shell or the UI.' },
      ]),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'location'],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        { group: ['electron', 'electron/*', ...UI_LIBRARIES], message: 'The database layer is plain Node.' },
        { group: ['**/renderer/**', '**/electron/**', '**/server/**'], message: 'db/ does not depend on a shell or the UI.' },
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        { group: ['electron', 'electron/*'], message: 'The renderer reaches the desktop only through window.alliance (the preload).' },
        { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' },
        { group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', '**/db/**'], message: 'The renderer talks to the database only through the API.' },
        // core/contract/codes.ts and core/contract/messages-zh.ts are the runtime exceptions: plain data (the stable codes,
        // the Chinese texts the core also prints), part of the contract.
        { group: ['**/core/**', '!**/core/contract', '**/core/contract/*', '!**/core/contract/codes', '!**/core/contract/codes.js', '!**/core/contract/messages-zh', '!**/core/contract/messages-zh.js'], allowTypeImports: true, message: 'The renderer may import only types from core/ (use the API client).' },
        { group: ['**/server/**', '**/electron/**'], message: 'The renderer does not import a shell.' },
      ], NODE_BUILTINS.map((name) => ({ name, message: 'The renderer runs in a browser: no Node modules.' }))),
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
