// The arrows between Verity's parts, checked by scripts/architecture.test.ts (part of `npm test`)
// and by `npx depcruise core server web cli bench e2e scripts` for a readable report.
// ARCHITECTURE.md explains each rule; change the two together.
const fs = require('node:fs');
const path = require('node:path');

/** Folders of the code whose `index.ts` is their entry: other folders import them through it. */
function foldersWithIndex(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name === 'dist') continue;
      const sub = path.join(dir, entry.name);
      if (fs.existsSync(path.join(sub, 'index.ts'))) found.push(path.relative(__dirname, sub));
      walk(sub);
    }
  };
  for (const top of root) if (fs.existsSync(path.join(__dirname, top))) walk(path.join(__dirname, top));
  return found.map((f) => f.split(path.sep).join('/'));
}

const literal = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Modules of an entry-point folder that code outside it may import directly. Each has the reason
 * written beside its import too.
 */
const deepImportsAllowed = [
  // Leaf modules of the interface model with no zod in them: the web app imports them one by one
  // so the annotator's bundle carries no schema library.
  '^core/interface/(offsets|graphemes|answers|fields/candidate|questions/(spans-check|rubric-total|steps-split|pairwise-scale|live-conversation|track-boxes))\\.ts$',
  // The test fixtures of the interface model and the export formats, kept out of their entries.
  '^core/(interface|exports)/testing\\.ts$',
  '^core/exports/media-testing\\.ts$',
];

/** What the CLI may use of the server: main.ts to start it, local.ts for the local-store commands. */
const serverEntryPoints = ['^server/main\\.ts$', '^server/local\\.ts$'];

const entryRules = foldersWithIndex(['core', 'server', 'web', 'cli']).map((folder) => ({
  name: `through-index:${folder}`,
  comment: `${folder}/ has an index.ts: code outside it imports it through that entry.`,
  severity: 'error',
  from: { pathNot: `^${literal(folder)}/` },
  to: {
    path: `^${literal(folder)}/`,
    pathNot: [`^${literal(folder)}/index\\.ts$`, ...deepImportsAllowed],
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No import cycles: each part can be read, tested and moved on its own.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'web-stays-in-the-browser',
      comment: 'The web app meets the server only over HTTP, through the shared schemas in core/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(server|cli|bench|scripts)/' },
    },
    {
      name: 'web-imports-no-node',
      comment:
        'The web app runs in the browser: no node: module outside its tests, its build config and the ' +
        'two tools that drive Chromium from Node to test and time the renderer (not part of the app).',
      severity: 'error',
      from: {
        path: '^web/',
        pathNot: [
          '\\.test\\.tsx?$',
          '^web/vite\\.config\\.ts$',
          '^web/src/render/(in-chromium|measure-limits)\\.ts$',
        ],
      },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-is-pure',
      comment: 'core/ runs in the browser, the server and the CLI alike: no Node modules, no other part.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(server|web|cli|bench|e2e|scripts)/' },
    },
    {
      name: 'core-imports-no-node',
      comment: 'core/ does no I/O: no node: module (globals such as fetch are denied by biome.json).',
      severity: 'error',
      from: { path: '^core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-not-into-web-or-cli',
      comment: 'The server serves the built web app as files; it never imports the web app or the CLI.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(web|cli|bench|e2e|scripts)/' },
    },
    {
      name: 'cli-through-server-entry',
      comment:
        'The CLI reaches the server only through server/main.ts (start) and server/local.ts (the local-store commands); ' +
        'its tests may also use the test harness.',
      severity: 'error',
      from: { path: '^cli/', pathNot: ['\\.test\\.ts$', '^cli/test-support\\.ts$'] },
      to: { path: '^server/', pathNot: serverEntryPoints },
    },
    {
      name: 'cli-tests-through-harness',
      comment: "The CLI's tests reach the server through its entry and its test harness.",
      severity: 'error',
      from: { path: ['^cli/.*\\.test\\.ts$', '^cli/test-support\\.ts$'] },
      to: { path: '^server/', pathNot: [...serverEntryPoints, '^server/testing/'] },
    },
    {
      name: 'sql-in-repositories',
      comment:
        'Only repositories (*.repository.ts) and the data layer (server/db/) speak SQL or hold a ' +
        'database driver; services take a Db or Tx handle and call them (types may be imported anywhere).',
      severity: 'error',
      from: {
        path: '^server/',
        pathNot: ['\\.repository\\.ts$', '^server/db/', '^server/testing/', '\\.test\\.ts$'],
      },
      to: {
        path: 'node_modules/(kysely|better-sqlite3|pg|pg-copy-streams)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    ...entryRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^web/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
