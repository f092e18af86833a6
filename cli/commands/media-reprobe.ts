import { createClient } from '../client.ts';
import { defineCommand, intFlag } from '../command.ts';
import { httpConfig, httpFlags, projectFlag } from '../config.ts';

export const mediaReprobe = defineCommand({
  path: ['media', 'reprobe'],
  summary: "Probe a project's media again (and compute their waveforms) where probing failed or never ran",
  flags: {
    ...projectFlag,
    'failed-only': {
      type: 'boolean',
      help: 'only media whose probe or waveform failed with a reason (not those never probed)',
    },
    ...httpFlags,
  },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    const projectId = intFlag(values.project, 'project');
    const { mediaCount, jobIds } = await client.call('reprobeMedia', {
      params: { projectId },
      body: { failedOnly: values['failed-only'] === true },
    });
    process.stdout.write(
      mediaCount === 0
        ? `No media of project ${projectId} to probe again.\n`
        : `Probing ${mediaCount} media ${mediaCount === 1 ? 'file' : 'files'} again: job ${jobIds.join(', ')} (verity jobs show ID).\n`,
    );
    return 0;
  },
});
