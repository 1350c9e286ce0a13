// Lint: ESLint's and typescript-eslint's recommended rules, plus the team's one layout rule that
// Prettier cannot enforce (it does not break strings or comments): no line over 140 characters.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The Node globals our plain JavaScript uses (the CommonJS preloads, child processes and scripts); TypeScript checks the rest.
const nodeGlobals = {
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  __dirname: 'readonly',
  __filename: 'readonly',
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setInterval: 'readonly',
  clearInterval: 'readonly',
  setImmediate: 'readonly',
};

export default defineConfig(
  { ignores: ['lib/', '.data/', '.cache/', 'test-output/', 'appPackage/build/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a value left out on purpose (a rest-destructure that drops fields, a callback's unused argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: the only control characters in our regexes are deliberate, in the patterns that strip them from typed text.
      'no-control-regex': 'off',
      // A `let` that a cleanup closure reads before its one assignment (so the cleanup can run if that assignment throws) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Test doubles read Teams payloads and untyped fixtures; `any` there is a test's own business, not the product's.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { globals: nodeGlobals } },
  {
    plugins: { '@stylistic': stylistic },
    rules: {
      // Strings, template literals, comments and URLs count too: a reviewer reads them in the same window.
      '@stylistic/max-len': [
        'error',
        {
          code: 140,
          tabWidth: 2,
          ignoreStrings: false,
          ignoreTemplateLiterals: false,
          ignoreComments: false,
          ignoreUrls: false,
          ignoreRegExpLiterals: false,
        },
      ],
    },
  },
);
