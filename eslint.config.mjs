// ESLint (typescript-eslint) with the floor plan's import rules: what may import what is checked
// here, not remembered. Formatting is Prettier's (`npm run format`); ESLint only judges code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const LIBS = [
  'core',
  'database',
  'auth',
  'archive',
  'remiss',
  'svar',
  'reminders',
  'pdf',
  'runtime',
  'mail',
  'utkorg',
  'demo',
  'lankar',
  'brevhuvud',
];

/** A lib is imported through its index (`@app/x`), or its test helpers through `@app/x/testing/…`. */
const deepImports = LIBS.map((lib) => ({
  regex: `^@app/${lib}/(?!testing(/|$))`,
  message: `Import @app/${lib} through its index; only @app/${lib}/testing/… may be imported deeper.`,
}));

/** Nothing under libs/ imports an app: apps compose libs, never the other way. */
const appImports = [
  { regex: '(^|/)apps/', message: 'A lib never imports an app; put the test under apps/<app>/test.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        module: 'writable',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
      'no-duplicate-imports': 'error',
      'no-restricted-imports': ['error', { patterns: deepImports }],
    },
  },
  {
    // Benchmarks reach into a lib's parts on purpose (a pool, a converter) to measure them alone.
    files: ['scripts/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Test helpers read whatever JSON an endpoint answers.
    files: ['**/testing/**/*.ts', '**/*spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...deepImports, ...appImports] }],
    },
  },
  {
    files: ['**/*.controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...deepImports,
            ...appImports,
            {
              regex: '\\.repository$|/repositor(y|ies)\\b',
              message: 'A controller calls a service; repositories are the services’ business.',
            },
            {
              regex: '^typeorm$',
              message: 'A controller never touches the database; transactions belong in the service.',
            },
          ],
          paths: [
            {
              name: '@app/database',
              message:
                'A controller never touches the database or its entities; it returns the service’s response types.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web UI (coming) renders what services return; it never reaches the database.
    files: ['libs/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...deepImports, ...appImports],
          paths: [{ name: '@app/database', message: 'libs/web calls services; it never imports @app/database.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // The pages' own script: an ES module in the browser.
    files: ['templates/webb/js/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { document: 'readonly', window: 'readonly' } },
  },
);
