/**
 * The layers of Truce, checked by `npm run check` (ARCHITECTURE.md, "Layers", says why).
 *
 *   web/src  ->  contract, domain, tlog
 *   api      ->  services, presenters, contract, domain (policy)   never repositories or the database
 *   services ->  repositories, domain, log, contract              Kysely types only, never query building
 *   repositories, db, the log's and the witness's storage modules: the only places that build queries
 *   domain   ->  contract and pure libraries                      no I/O
 *   contract ->  zod                                              shared by server, web UI and CLI
 *   log      ->  never services
 *
 * Type-only imports count (tsPreCompilationDeps): a cycle of types is still a cycle, and a type
 * import from a wrong layer is still a wrong direction. The one thing allowed as a type only is
 * Kysely itself: a service receives a `Kysely<DB>` or `Transaction<DB>` handle and passes it on.
 *
 * A rule's `pathNot` list of files marked "known exception" names today's violators; each such
 * entry is to be removed when its file is fixed, never added to.
 */

/** Where queries may be built: repositories, the database layer, the log's and the witness's storage. */
const QUERY_PLACES = [
  '^src/repositories/',
  '^src/db/',
  // A capability in its own folder (src/capabilities/<name>/<layer>/): its layers obey the same rules.
  '^src/capabilities/[^/]+/(repositories|migrations)/',
  // The log's own storage: tiles and entries, the head and the outbox, publishing, keys.
  '^src/log/(tree-store|outbox-store|publish-store|keys|db-source|serving)\\.ts$',
  // The witness's own storage (its database and its migration).
  '^src/witness/(store|schema)\\.ts$',
  // Outside the layers: tests, scripts and the bench prepare and inspect databases directly.
  '^(test|scripts|bench)/',
];

/** Node modules that do I/O: never in the domain. */
const IO_MODULES =
  '^(node:)?(fs|fs/promises|net|http|https|http2|dgram|dns|tls|child_process|worker_threads|cluster|os|path|readline|stream)$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only ones included: split the shared part into its own module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-no-io',
      severity: 'error',
      comment: 'domain/ is pure rules: no database, no network, no files, no upper layer.',
      from: { path: '^src/(domain|capabilities/[^/]+/domain)/' },
      to: {
        path: [
          '^src/(db|repositories|services|api|adapters|log|witness|events|cli|demo|presenters)/',
          '^src/capabilities/[^/]+/(repositories|services|handlers|presenters|log|migrations|demo)/',
          '^src/(runtime|server|config)\\.ts$',
          '(^|/)node_modules/(kysely|pg|@electric-sql/pglite|hono|@hono/node-server|pino)/',
          IO_MODULES,
        ],
      },
    },
    {
      name: 'contract-zod-only',
      severity: 'error',
      comment: 'The contract is shared by the server, the web UI and the CLI: it depends on zod and itself only.',
      from: { path: '^src/(contract|capabilities/[^/]+/contract)/' },
      to: { pathNot: ['^src/contract/', '^src/capabilities/[^/]+/contract/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'no-query-building-outside-storage',
      severity: 'error',
      comment:
        "Only repositories, db/ and the log's and witness's storage modules build queries: import Kysely there; " +
        'elsewhere only its types (a handle to pass on). ESLint (eslint.config.js) also refuses selectFrom/insertInto/... calls.',
      from: {
        pathNot: [...QUERY_PLACES],
      },
      to: { path: '(^|/)node_modules/kysely/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'services-through-repositories',
      severity: 'error',
      comment: 'Services reach the database through repositories only: no connection or pool of their own.',
      from: { path: '^src/(services|capabilities/[^/]+/services)/' },
      to: {
        path: ['(^|/)node_modules/(pg|@electric-sql/pglite)/', '^src/db/(connect|pglite-dialect)\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'handlers-call-services',
      severity: 'error',
      comment: 'Handlers and extras call services (and presenters): never repositories or the database.',
      from: {
        path: '^src/(api/(handlers|extras)|capabilities/[^/]+/handlers)/',
      },
      to: {
        // The actor's type and grants (domain/policy) are shared with services; nothing else below.
        pathNot: [
          '^src/api/',
          '^src/services/',
          '^src/presenters/',
          '^src/contract/',
          '^src/domain/policy(\\.ts$|/)',
          '^src/capabilities/[^/]+/(services|presenters|contract|handlers)/',
          '^src/capabilities/[^/]+/domain/policy\\.ts$',
          '(^|/)node_modules/',
        ],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'api-not-the-database',
      severity: 'error',
      comment: 'No part of the HTTP layer reaches repositories or the database directly.',
      from: {
        path: '^src/(api|capabilities/[^/]+/handlers)/',
      },
      to: {
        path: [
          '^src/repositories/',
          '^src/db/(connect|pglite-dialect|migrations)',
          '^src/capabilities/[^/]+/(repositories|migrations)/',
        ],
      },
    },
    {
      name: 'log-not-services',
      severity: 'error',
      comment: 'The log sits below the services: services append changes to it, never the other way.',
      from: { path: '^src/(log|capabilities/[^/]+/log)/' },
      to: { path: '^src/(services|capabilities/[^/]+/services)/' },
    },
    {
      name: 'tlog-is-a-library',
      severity: 'error',
      comment: 'src/tlog is the pure C2SP library: nothing of Truce.',
      from: { path: '^src/tlog/' },
      to: { pathNot: ['^src/tlog/', '(^|/)node_modules/', '^node:crypto$', '^crypto$'] },
    },
    {
      name: 'schema-types-only',
      severity: 'error',
      comment: "The table types depend on Kysely's column types and the contract's enums only.",
      from: { path: '^src/(db/schema(\\.ts$|/)|capabilities/[^/]+/migrations/schema\\.ts$)' },
      to: {
        pathNot: [
          '^src/db/schema(\\.ts$|/)',
          '^src/capabilities/[^/]+/migrations/schema\\.ts$',
          '^src/contract/',
          '^src/capabilities/[^/]+/contract/',
          '(^|/)node_modules/kysely/',
        ],
      },
    },
    {
      name: 'web-imports-contract-domain-tlog',
      severity: 'error',
      comment:
        'The web UI imports the contract, the pure domain rules and the log library only (and npm packages); ' +
        'the log library includes the leaf format (src/log/leaf.ts, pure), which the browser decodes as `truce verify` does.',
      from: { path: '^web/src/' },
      to: {
        pathNot: [
          '^web/src/',
          '^src/contract/',
          '^src/domain/',
          '^src/capabilities/[^/]+/(contract|domain)/',
          '^src/tlog/',
          '^src/log/leaf\\.ts$',
          '(^|/)node_modules/',
        ],
      },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true, pathNot: ['\\?(url|raw|inline|worker)$', '\\.css$'] },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '^(dist|data|\\.tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    builtInModules: { add: [] },
  },
};
