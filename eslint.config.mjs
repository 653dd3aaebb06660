import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Names the core must never import: it takes a matrix of cell values and returns a plan,
// so it runs unchanged in Excel, Node and the browser, and time is always an argument.
const hostOnlyModules = [
  'fs', 'fs/*', 'node:*', 'path', 'os', 'child_process', 'zlib', 'stream', 'worker_threads',
  'react', 'react-dom', 'react-dom/*', '@fluentui/*', '@microsoft/office-js', 'office-addin-*',
  'fflate',
];

// Which folder may import which: core ← addin (the host interface) ← hosts ← ui ← the apps
// (taskpane, web, commands, dialog), and cli beside the apps on core and hosts. An import of a
// folder is its index ('../../ui') or anything inside it ('../ui/strings').
const folder = (name) => [`**/${name}`, `**/${name}/**`];
const APPS = ['taskpane', 'web', 'commands', 'dialog', 'cli'];
/** The apps import src/ui through its index; ui/testing holds test helpers for both suites. */
const uiInternals = ['**/ui/*', '**/ui/**', '!**/ui/testing', '!**/ui/testing/**'];
const forbid = (names, message, extra = []) => [
  'error',
  { patterns: [{ group: [...extra, ...names.flatMap(folder)], message: `${message} (docs/ARCHITECTURE.md, "Import rules")` }] },
];
const otherApps = (self) => APPS.filter((app) => app !== self);
const appRule = (self, { hosts }) =>
  forbid(
    [...otherApps(self), ...(hosts ? [] : ['hosts'])],
    `src/${self} may import core, addin, ui (by its index)${hosts ? ' and hosts' : ''}, not another app${hosts ? '' : ' or a host'}`,
    uiInternals,
  );

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'node_modules/**', 'coverage/**', 'demo-output/**', 'bench-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.js', 'jest.config.js', 'webpack.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', setTimeout: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: hostOnlyModules, message: 'The core is pure: no Office, React, DOM, file system or host code (see docs/ARCHITECTURE.md).' },
        { group: ['addin', 'hosts', 'ui', ...APPS].flatMap(folder), message: 'The core imports nothing of the app (docs/ARCHITECTURE.md, "Import rules").' },
      ] }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'The core has no DOM.' },
        { name: 'document', message: 'The core has no DOM.' },
        { name: 'Office', message: 'The core has no Office.' },
        { name: 'Excel', message: 'The core has no Office.' },
        { name: 'process', message: 'The core does not read the environment.' },
        { name: 'require', message: 'Use explicit imports.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The core never reads the clock: take "today" as an argument.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The core never reads the clock: take "today" as an argument.' },
        { selector: "CallExpression[callee.name='dayjs'][arguments.length=0]", message: 'The core never reads the clock: take "today" as an argument.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The core is deterministic.' },
      ],
    },
  },
  // The import directions (docs/ARCHITECTURE.md, "Import rules"); a later block wins for its files.
  { files: ['src/addin/**/*.ts'], rules: { 'no-restricted-imports': forbid(['hosts', 'ui', ...APPS], 'src/addin is the host interface: it may import core only') } },
  { files: ['src/hosts/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': forbid(['ui', ...APPS], 'A host may import core and addin only') } },
  {
    // The add-in on a workbook file (the pane outside Excel) runs on the file host: core, addin and hosts/xlsx, never the Office.js host.
    files: ['src/hosts/file-addin/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': forbid(['ui', ...APPS, 'officejs', 'inbrowser'], 'src/hosts/file-addin may import core, addin and hosts/xlsx only') },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': forbid(['hosts', ...APPS], 'src/ui is shared by the pane and the page: it may import core (and addin types), never a host or an app', ['@microsoft/office-js']),
      'no-restricted-globals': ['error', { name: 'Office', message: 'src/ui runs outside Office too.' }, { name: 'Excel', message: 'src/ui runs outside Office too.' }],
    },
  },
  { files: ['src/cli/**/*.ts'], rules: { 'no-restricted-imports': forbid(otherApps('cli').concat('ui'), 'The command may import core and hosts only') } },
  { files: ['src/web/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': appRule('web', { hosts: true }) } },
  { files: ['src/commands/**/*.ts'], rules: { 'no-restricted-imports': appRule('commands', { hosts: true }) } },
  { files: ['src/dialog/**/*.ts'], rules: { 'no-restricted-imports': appRule('dialog', { hosts: false }) } },
  // The pane's components reach a host only through AddinHost: main.tsx builds the host, tests compose one.
  { files: ['src/taskpane/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': appRule('taskpane', { hosts: false }) } },
  { files: ['src/taskpane/main.tsx', 'src/taskpane/**/*.test.{ts,tsx}'], rules: { 'no-restricted-imports': appRule('taskpane', { hosts: true }) } },
  {
    // The page's engine is held to the command's output: the same file, options and bytes.
    files: ['src/web/run-job.test.ts'],
    rules: { 'no-restricted-imports': forbid(otherApps('web').filter((app) => app !== 'cli'), 'The engine test may import the command only', uiInternals) },
  },
  {
    // The test checks that the URL a command builds is the one the dialog reads.
    files: ['src/commands/commands.test.ts'],
    rules: { 'no-restricted-imports': forbid(otherApps('commands').filter((app) => app !== 'dialog'), 'The command test may import the dialog only', uiInternals) },
  },
);
