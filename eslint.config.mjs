import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Names the core must never import: it takes a matrix of cell values and returns a plan,
// so it runs unchanged in Excel, Node and the browser, and time is always an argument.
const hostOnlyModules = [
  'fs', 'fs/*', 'node:*', 'path', 'os', 'child_process', 'zlib', 'stream', 'worker_threads',
  'react', 'react-dom', 'react-dom/*', '@fluentui/*', '@microsoft/office-js', 'office-addin-*',
  'fflate', '**/hosts/**', '**/cli/**', '**/taskpane/**', '**/web/**',
];

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
      'no-restricted-imports': ['error', { patterns: [{ group: hostOnlyModules, message: 'The core is pure: no Office, React, DOM, file system or host code (see docs/ARCHITECTURE.md).' }] }],
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
);
