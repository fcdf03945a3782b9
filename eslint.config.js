// Type-aware lint; `npm run check` allows zero warnings.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      '.tmp/**',
      'bin/**',
      'eslint.config.js',
      '.dependency-cruiser.cjs',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
      'no-empty': 'error',
    },
  },
  {
    // Only repositories, db/ and the log's and the witness's storage modules build queries
    // (ARCHITECTURE.md, "Layers"; .dependency-cruiser.cjs refuses Kysely's `sql` elsewhere).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: [
      'src/repositories/**',
      'src/db/**',
      'src/capabilities/*/repositories/**',
      'src/capabilities/*/migrations/**',
      'src/log/tree-store.ts',
      'src/log/keys.ts',
      'src/log/db-source.ts',
      'src/log/outbox-store.ts',
      'src/log/publish-store.ts',
      'src/log/serving.ts',
      'src/witness/store.ts',
      'src/witness/schema.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression > MemberExpression.callee > Identifier.property[name=/^(selectFrom|selectNoFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto)$/]',
          message:
            "Queries live in src/repositories/ (or db/, or the log's and witness's storage modules): call a repository function.",
        },
      ],
    },
  },
);
