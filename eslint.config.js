import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', 'docs/api/**', 'packages/backend-wasm/wasm/**', '**/build/**', '**/node_modules/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', globalThis: 'readonly', performance: 'readonly', URL: 'readonly',
        Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', queueMicrotask: 'readonly',
        WebAssembly: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', SharedArrayBuffer: 'readonly', Atomics: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Kernels take many positional arguments by the BLAS convention, and loops reassign freely.
      'prefer-const': ['error', { destructuring: 'all' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // The library runs in browsers too: only the command and the test helpers may use Node modules.
    files: ['packages/core/src/**/*.ts', 'packages/backend-js/src/**/*.ts', 'packages/contract/src/**/*.ts'],
    ignores: ['packages/core/src/cli.ts', 'packages/core/src/testing/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'module', 'url'], message: 'core and the TypeScript backend must run in browsers: no Node-only modules.' }] }] },
  },
  {
    files: ['**/*.test.ts', '**/scripts/**', '**/bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
