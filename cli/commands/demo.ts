import path from 'node:path';
import { defineCommand } from '../command.ts';
import { storeConfig, storeFlags } from '../config.ts';
import { printJson } from '../output.ts';

export const demo = defineCommand({
  path: ['demo'],
  summary:
    'Load the example projects with a tutor and a manager account into the local store; prints their passwords',
  flags: {
    'new-passwords': {
      type: 'boolean',
      help: 'give the demo accounts new passwords (and end their sessions) when they exist already',
    },
    json: { type: 'boolean', help: 'print what was done as JSON instead of sentences' },
    ...storeFlags,
  },
  async run({ values }) {
    // Checked before the store is opened: a broken demo file writes nothing.
    const { DEMO_DIR, readDemoProjects } = await import('../demo/content.ts');
    const projects = readDemoProjects();
    const { withLocalStore } = await import('../local-store.ts');
    const { loadDemo } = await import('../../server/local.ts');
    const config = storeConfig(values);
    const outcome = await withLocalStore(
      config,
      (ctx) => loadDemo(ctx, projects, { newPasswords: values['new-passwords'] === true }),
      { create: true },
    );
    if (values.json) {
      printJson(outcome);
      return 0;
    }
    const { demoReport } = await import('../demo/report.ts');
    // `npm start` runs in the checkout and opens its verity-data folder.
    const repo = path.dirname(path.dirname(DEMO_DIR));
    const defaultStore = !config.databaseUrl && config.dataDir === path.join(repo, 'verity-data');
    process.stdout.write(
      demoReport(outcome, {
        dataDir: config.dataDir,
        databaseUrl: config.databaseUrl,
        secretFromEnv: config.secret !== undefined,
        defaultStore,
      }),
    );
    return 0;
  },
});
