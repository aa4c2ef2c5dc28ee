// ESLint 9 flat config.
//  - TypeScript (src/, test/): typescript-eslint recommended + the office-addins rules.
//  - Architecture: src/domain is pure TypeScript (no React, Fluent, exceljs, office.js, and no
//    imports from the workbook, taskpane or cli layers); only src/workbook/office/** may use the
//    `Excel` global.
//  - JavaScript: Node scripts and configs as CommonJS; the task pane's legacy-browser.js and
//    commands.js are parsed as ES5 scripts so they keep working in IE11.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

// eslint-plugin-office-addins v4 exports flat configs (`configs.recommended`, `configs.react`),
// but they also register their own copy of @typescript-eslint (an older one, nested in its
// node_modules), which ESLint refuses next to typescript-eslint's ("Cannot redefine plugin").
// So take only its office-addins/* rules (and eslint-plugin-react's config from `configs.react`).
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith('office-addins/')),
);
const reactRecommended = officeAddins.configs.react.find((config) => config.plugins?.react && config.rules?.['react/jsx-key']);

const officeGlobals = { Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' };
const nodeGlobals = {
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  __dirname: 'readonly',
  __filename: 'readonly',
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setImmediate: 'readonly',
  URL: 'readonly',
};
const browserGlobals = { window: 'readonly', document: 'readonly', navigator: 'readonly', Office: 'readonly' };

const LOOKBEHIND_MESSAGE =
  'No regex lookbehind ((?<= / (?<!): Safari before 16.4 (older Mac and iPad Office) rejects the whole bundle with a syntax error. Match the preceding character instead.';
const LOOKBEHIND = '/\\(\\?<[=!]/';

const LAYER_MESSAGE = 'src/domain is pure TypeScript: it must not depend on UI, Office, exceljs or the workbook/taskpane/cli layers.';

export default defineConfig(
  { ignores: ['dist/', 'lib/', 'node_modules/', 'assets/', 'coverage/', 'test-artifacts/', '.bench/'] },

  // --- TypeScript -------------------------------------------------------------------------
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    plugins: { 'office-addins': officeAddins },
    languageOptions: { globals: officeGlobals },
    rules: {
      ...officeAddinsRules,
      // `const { omitted: _omitted, ...rest } = value` and `_unused` parameters are deliberate.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/taskpane/**/*.tsx', 'test/**/*.tsx'],
    ...reactRecommended,
    settings: { react: { version: 'detect' } },
    rules: {
      ...reactRecommended.rules,
      'react/react-in-jsx-scope': 'off', // "jsx": "react-jsx"
      'react/jsx-uses-react': 'off',
      'react/prop-types': 'off', // TypeScript checks props
    },
  },

  {
    // Code that runs in the pane's webview (and the rest of src/, which shares its modules).
    files: ['src/**/*.{ts,tsx,js}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `Literal[regex.pattern=${LOOKBEHIND}]`, message: LOOKBEHIND_MESSAGE },
        { selector: `:matches(NewExpression, CallExpression)[callee.name='RegExp'] > Literal[value=${LOOKBEHIND}]`, message: LOOKBEHIND_MESSAGE },
      ],
    },
  },

  // --- Layering -----------------------------------------------------------------------------
  {
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'exceljs', 'office-js', '@microsoft/office-js', '@types/office-js'].map((name) => ({
            name,
            message: LAYER_MESSAGE,
          })),
          patterns: [
            { group: ['react/*', 'react-dom/*', '@fluentui/*', 'exceljs/*', 'office-js/*', '@microsoft/office-js/*'], message: LAYER_MESSAGE },
            // Any relative path into ../workbook, ../taskpane or ../cli (at any depth).
            { regex: '^(\\.{1,2}/)+(.*/)?(workbook|taskpane|cli)(/|$)', message: LAYER_MESSAGE },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/workbook/office/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'Only src/workbook/office/** talks to Excel; go through its interface.' },
      ],
    },
  },

  // --- JavaScript ---------------------------------------------------------------------------
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: nodeGlobals },
    rules: { 'no-undef': 'error', 'no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: nodeGlobals },
    rules: { 'no-undef': 'error', 'no-unused-vars': 'error' },
  },
  {
    // Served verbatim to IE11 / EdgeHTML: ES5 syntax only (a parse error otherwise).
    files: ['src/taskpane/legacy-browser.js', 'src/taskpane/commands.js'],
    languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: browserGlobals },
    rules: { 'no-undef': 'error', 'no-unused-vars': 'error' },
  },
);
