/**
 * The folder boundaries (ARCHITECTURE.md "Boundaries"). Enforced by `npm run lint` and by `npm test`
 * (lint/boundaries.test.ts, which also proves each rule fires on the wrong-way imports the code once had).
 * By hand: `npx depcruise src --config .dependency-cruiser.cjs`.
 */
const tooling = '^src/server/(test-support|proof|seed)/';
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds the clinic rules: it imports only src/domain (and npm packages).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^(src/(server|web)/|bench/|e2e/|scripts/)' },
    },
    {
      name: 'platform-imports-no-feature',
      comment:
        'platform/ is the hallway (db, auth, access, audit, http, jobs): features plug into it from src/server/app.ts.',
      severity: 'error',
      from: { path: '^src/server/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/server/', pathNot: '^src/server/platform/' },
    },
    {
      name: 'feature-through-index',
      comment:
        "A feature uses another only through that feature's index.ts; its stores, tables and routes are private.",
      severity: 'error',
      from: { path: '^src/server/([^/]+)/', pathNot: [tooling, '^src/server/platform/', '\\.test\\.ts$'] },
      to: {
        path: '^src/server/[^/]+/',
        pathNot: ['^src/server/$1/', '^src/server/platform/', '^src/server/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'composition-root-through-index',
      comment: "src/server/app.ts mounts each feature through the feature's index.ts, like any other caller.",
      severity: 'error',
      from: { path: '^src/server/app\\.ts$' },
      to: { path: '^src/server/[^/]+/', pathNot: ['^src/server/platform/', '^src/server/[^/]+/index\\.ts$'] },
    },
    {
      name: 'web-imports-no-server',
      comment:
        'The web app talks to the server only over HTTP (types come from the generated OpenAPI client).',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'server-imports-no-web',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Two folders that import each other are one tangled capability: one must own the rule.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: {
      path: [
        '(^|/)node_modules/',
        '\\.d\\.ts$',
        '\\.test\\.tsx?$',
        '^src/server/(test-support|proof)/',
        'fixtures\\.ts$',
      ],
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
