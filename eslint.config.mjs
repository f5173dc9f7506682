// `npm run lint` (part of `npm test`): typescript-eslint's recommended rules, no unused
// variables. Syntax-only (no type information), so it stays quick on a 2-core machine.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.e2e/', 'test-results/', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // The LSP test client hands raw JSON-RPC messages to the tests: their shape is the test's
  // to assert, not a type to declare.
  { files: ['test/protocol/lsp-client.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Build and test scripts in plain JavaScript run in Node; the e2e and docs scripts also hand
  // functions to the browser (page.evaluate).
  { files: ['**/*.mjs', '**/*.cjs', '**/*.js'], languageOptions: { globals: globals.node } },
  { files: ['scripts/e2e/**', 'scripts/docs/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
);
