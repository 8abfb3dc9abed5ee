import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/*
 * src/ in layers, lowest first: lib/; data/; i18n's messages and formatting; the store's pure
 * models (below); selectors/ and import/ (pure derivations, the import worker); the store and its
 * React hooks (i18n's useT reads the locale there); components/; features/; app/, which composes
 * the features. The rules below hold the edges that layout depends on.
 */
/** The store's modules without React or the store instance: a pure layer may import these. */
const PURE_STORE_MODULES = ['./filters-model.ts', './url-state.ts', './panels.ts'];

/**
 * Import boundaries between the layers under `root`/src, and no cycles. A function so that
 * tests/unit/lint-boundaries.test.ts applies the same rules to its own fixture tree.
 */
export function layerBoundaries(root) {
  const src = (dir) => path.join(root, 'src', dir);
  const features = fs.existsSync(src('features'))
    ? fs
        .readdirSync(src('features'), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
    : [];
  const views = [src('features'), src('app')];

  /** `forTests`: test files of lib may also read data and selectors, to check a helper against the dataset. */
  const zones = (forTests) => [
    ...features.map((feature) => ({
      target: src(`features/${feature}`),
      from: src('features'),
      except: [`./${feature}`],
      message: 'Features never import each other: the app composes them; shared code goes to components/, selectors/ or lib/.',
    })),
    { target: src('components'), from: views, message: 'components/ is shared by the views and imports none of them.' },
    {
      target: [src('selectors'), src('data'), src('import')],
      from: [...views, src('components')],
      message: 'Pure layers (selectors, data, import) import no views and no components.',
    },
    {
      target: src('selectors'),
      from: src('store'),
      except: PURE_STORE_MODULES,
      message: 'Selectors take the store’s values as arguments; only its pure models (filters-model, url-state, panels) may be imported.',
    },
    {
      target: [src('data'), src('import')],
      from: src('store'),
      message: 'data/ and import/ are below the store: the store reads them, not the other way round.',
    },
    {
      target: src('lib'),
      from: [...views, src('components'), src('store'), src('i18n'), ...(forTests ? [] : [src('selectors'), src('data'), src('import')])],
      message: 'lib/ is the lowest layer: it imports nothing else from src/.',
    },
  ];

  const files = ['src/**/*.{ts,tsx}'];
  const tests = ['src/**/*.test.{ts,tsx}'];
  return [
    {
      files,
      languageOptions: { parser: tseslint.parser },
      plugins: { 'import-x': importX },
      settings: {
        // no-cycle follows only the files import-x parses: TypeScript, with typescript-eslint's parser.
        'import-x/extensions': ['.ts', '.tsx'],
        'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
        'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(import.meta.dirname, 'tsconfig.json') })],
      },
      rules: {
        'import-x/no-restricted-paths': ['error', { basePath: root, zones: zones(false) }],
        'import-x/no-cycle': ['error', { ignoreExternal: true }],
      },
    },
    { files: tests, rules: { 'import-x/no-restricted-paths': ['error', { basePath: root, zones: zones(true) }] } },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'test-results',
      'test-results-*',
      'playwright-report',
      'bench-results',
      // Fixtures that break the import rules on purpose; tests/lint/boundaries.test.ts lints them.
      'tests/lint/fixtures',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerBoundaries(import.meta.dirname),
);
