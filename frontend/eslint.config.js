// ESLint for the frontend, run by `npm test` (hence by Maven and infra/test.sh): TypeScript rules,
// hooks rules, no import cycles, features that do not reach into each other, and pages that call the
// API through their feature's api/ module (bulletproof-react).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Every folder of src/features is a feature: a new one is fenced in without editing this list.
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  { ignores: ['dist', 'target', 'node_modules', 'e2e/artifacts', 'e2e/screenshots'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.app.json' })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // A feature does not import another feature's internals; the app composes them.
            ...FEATURES.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
            })),
            // Shared code does not depend on features or on the app.
            { target: ['./src/components', './src/lib'], from: ['./src/features', './src/app'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // A page or a component asks its feature's api/ module (a hook per call), never the API client
    // or fetch itself.
    files: ['src/features/**/*.{ts,tsx}'],
    ignores: ['src/features/*/api/**', 'src/features/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@/lib/api/ApiContext', message: "Call the API through the feature's api/ module." },
            { name: '@/lib/api/client', message: "Call the API through the feature's api/ module." },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: "Call the API through the feature's api/ module." }],
    },
  },
  {
    files: ['e2e/**/*.mjs', '*.config.{js,ts}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
