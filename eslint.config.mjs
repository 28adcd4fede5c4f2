import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Boundaries (docs/adding-a-source.md): which folder may import which. `no-restricted-imports` matches the
// import as written, so each block covers one folder and carries every restriction that applies there (a
// later block replaces the rule's options for the files it matches). scripts/check-lint-boundaries.mjs
// proves each one still bites.
const TEST_FILES = ['*.spec.ts', '*.int-spec.ts', '*.test.ts', '*.test.tsx'];
const TO_STAND_INS = { regex: '^@hamgam/stand-ins(/|$)', message: 'production code never imports the stand-ins: only tests and backend/src/demo/ may' };
const TO_DEMO = { regex: '(^|/)demo(/|$)', message: 'the demo wiring is for main.ts (the composition root) and tests only' };
const TO_SOURCES = {
  regex: '(^|/)sources(/|$)',
  message: 'the sync core and common/ never import a source: the core gets them through SOURCE_CATALOG and the worker entry',
};
const TO_SYNC = { regex: '(^|/)sync(/|$)', message: 'common/ sits below the sync core and imports nothing from it' };

/** Two blocks for the folder glob `dir`: production files get `patterns` and the stand-in/demo bans, tests `patterns` alone. */
function boundary(dir, patterns, { production = [TO_STAND_INS, TO_DEMO] } = {}) {
  const restrict = (list) => (list.length ? ['error', { patterns: list }] : 'off');
  return [
    {
      files: [`${dir}/*.ts`, `${dir}/*.tsx`],
      ignores: TEST_FILES.map((name) => `${dir}/${name}`),
      rules: { 'no-restricted-imports': restrict([...patterns, ...production]) },
    },
    { files: TEST_FILES.map((name) => `${dir}/${name}`), rules: { 'no-restricted-imports': restrict(patterns) } },
  ];
}

// A feature reaches another feature only through `app/`; files in features/<a>/ at depth d climb d + 1 levels to
// features/. What two features share lives in lib/ or components/.
const FEATURES = readdirSync(new URL('./frontend/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureBoundaries = FEATURES.flatMap((feature) =>
  [0, 1, 2, 3].flatMap((depth) => {
    const message = `features never import each other (${feature} → another feature): combine them in app/, share through lib/ or components/`;
    const otherFeature = `(?!${feature}(/|$))[^./][^/]*(/|$)`;
    return boundary(`frontend/src/features/${feature}${'/*'.repeat(depth)}`, [
      { regex: `^(\\.\\./){${depth + 1}}${otherFeature}`, message },
      { regex: `(^|/)features/${otherFeature}`, message },
    ]);
  }),
);

const BOUNDARIES = [
  ...['backend/src/**', 'frontend/src/**', 'shared/src/**'].flatMap((dir) => boundary(dir, [])),
  ...boundary('backend/src/sync/**', [TO_SOURCES]),
  ...boundary('backend/src/common/**', [TO_SOURCES, TO_SYNC]),
  ...featureBoundaries,
  ...boundary('frontend/src/testing/**', [], { production: [] }),
  // The composition root starts the demo; the demo is the one production-side place that knows the stand-ins.
  { files: ['backend/src/main.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [TO_STAND_INS] }] } },
  { files: ['backend/src/demo/**'], rules: { 'no-restricted-imports': 'off' } },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '**/test-results/**', '**/playwright-report/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']", message: 'no focused tests' },
        { selector: 'TSEnumDeclaration', message: 'use an `as const` union instead of an enum' },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  ...BOUNDARIES,
);
