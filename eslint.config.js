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
    // Code that runs in a browser: the desktop UI, the phone page, and the mirror's page agent and
    // replayer (the entries of bundles/browser-bundle-specs.ts and what they import). The bundle
    // builders (build-*.ts) and the tests run in Node.
    files: [
      'desktop-ui/**/*.ts',
      'phone-page/**/*.ts',
      'mirror/recorder/**/*.ts',
      'mirror/replayer/**/*.ts',
      'mirror/ops/**/*.ts',
    ],
    ignores: ['**/build-*.ts', '**/*.test.ts', '**/*.itest.ts', '**/*.robust.ts'],
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
