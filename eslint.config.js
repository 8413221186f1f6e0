// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.js', 'electron/**/*.js', '*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // Code that runs in a browser: the desktop UI and the phone page.
    files: ['desktop-ui/**/*.js', 'phone-page/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The raw ipcMain/ipcRenderer stay inside the tabs' IPC contract; the desktop UI uses HTTP.
    files: ['electron/**/*.ts'],
    ignores: ['electron/browser/tab-channels.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='ipcMain']",
          message: 'Use electron/browser/tab-channels.ts.',
        },
        {
          selector: "MemberExpression[object.name='ipcRenderer']",
          message: 'Use electron/browser/tab-channels.ts.',
        },
      ],
    },
  },
);
