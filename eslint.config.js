// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Modules that only exist in Node or Electron: the renderer and shared/ must never import them. */
const NODE_ONLY = [
  'electron',
  'better-sqlite3',
  'sharp',
  'kysely',
  'commander',
  'sirv',
  'ebay-api',
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'worker_threads',
  'http',
  'https',
  'url',
  'stream',
  'events',
];

const restrict = (/** @type {string[]} */ modules, /** @type {string} */ message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: modules, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // shared/ is pure TypeScript: it runs in the main process, the renderer and the CLI alike.
    files: ['shared/**/*.ts'],
    rules: restrict(
      [...NODE_ONLY, 'react', 'react-dom', 'react/*', '@mantine/*', 'zustand'],
      'shared/ is pure: no Node, Electron or React.',
    ),
  },
  {
    // The renderer is a web page: it talks to the main side only through the typed client.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...NODE_ONLY, '**/electron/**'],
        'renderer/ is a web page: no Node, no Electron, no main-process code.',
      ),
    },
  },
  {
    // The preload only bridges: Electron's ipcRenderer/contextBridge and the contract's names.
    files: ['electron/preload/**/*.ts'],
    rules: restrict(
      [
        'better-sqlite3',
        'sharp',
        'kysely',
        'node:*',
        'fs',
        'path',
        '**/services/**',
        '**/main/**',
        '**/server/**',
        '**/cli/**',
      ],
      'The preload only bridges the contract; it reaches nothing else.',
    ),
  },
  {
    // Services run in Electron, in plain Node (CLI, browser mode) and in tests: never Electron.
    files: ['electron/services/**/*.ts', 'electron/server/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict(
      ['electron', '**/main/**', '**/preload/**'],
      'Services, server and CLI run without Electron.',
    ),
  },
  {
    // The command line defines its commands without the services and loads them when a command
    // runs (cli/services.ts): --help, --version and a mistyped command answer at once. Types are
    // free; the few light modules it needs to define options are named here.
    files: ['electron/cli/**/*.ts'],
    ignores: ['**/*.test.ts', 'electron/cli/services.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', '**/main/**', '**/preload/**'],
              message: 'Services, server and CLI run without Electron.',
            },
            {
              regex: '^\\.\\./(services|server)/(?!paths$|version$|db/postgres/address$|loopback$)',
              allowTypeImports: true,
              message: 'Load the services when the command runs: services() from cli/load.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Test helpers live in tests/support/: production code never imports them, nor a test runner.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/(^|\\/)tests\\/|^vitest(\\/|$)|^@playwright\\//]',
          message: 'Production code never imports test code: test helpers live in tests/support/.',
        },
      ],
    },
  },
);
