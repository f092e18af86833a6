import fs from 'node:fs';
import { changeSummary, inviteLinksCsv } from '../../core/import-summary.ts';
import { createClient } from '../client.ts';
import { defineCommand } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { CliError } from '../errors.ts';
import { readTextFile } from '../files.ts';
import { note, printJson, table } from '../output.ts';

/**
 * `verity user import FILE.csv`: creates and updates accounts from CSV in one transaction
 * (docs/onboarding.md). Prints what each line changes (or would, with --dry-run); the invite links
 * of the accounts it made are printed once, and written as CSV with --links. A problem anywhere
 * is reported by line and column and nothing is changed (exit 1).
 */
export const userImport = defineCommand({
  path: ['user', 'import'],
  summary: 'Create or update users from a CSV file, all lines or none (admin; over HTTP)',
  positionals: ['FILE'],
  flags: {
    'dry-run': { type: 'boolean', help: 'show what would change, change nothing' },
    json: { type: 'boolean', help: "print the server's answer as JSON" },
    links: { type: 'string', value: 'FILE', help: "write the new accounts' invite links to FILE as CSV" },
    ...httpFlags,
  },
  async run({ values, positionals }) {
    const file = positionals[0]!;
    const csv = readTextFile(file, 'FILE');
    const dryRun = values['dry-run'] === true;
    const client = createClient(httpConfig(values));
    const result = await client.call('importUsers', {
      query: { dryRun: dryRun ? 'true' : 'false' },
      body: { csv },
    });
    const links = inviteLinksCsv(result.lines, result.inviteExpiresAt);
    if (values.links !== undefined && !dryRun) {
      try {
        fs.writeFileSync(values.links, links, { mode: 0o600 });
      } catch (err) {
        throw new CliError(`--links ${values.links}: ${(err as Error).message}`);
      }
    }
    if (values.json) printJson(result);
    else {
      const rows = result.lines.map((l) => [String(l.line), l.email, l.action, changeSummary(l)]);
      process.stdout.write(table(rows, ['line', 'email', 'action', 'changes']));
      if (!dryRun && result.created > 0 && values.links === undefined)
        process.stdout.write(
          `\nInvite links (shown once; they expire at ${result.inviteExpiresAt}):\n${links}`,
        );
    }
    const verb = dryRun ? 'would create' : 'created';
    note(
      `${dryRun ? 'dry run: ' : ''}${verb} ${result.created}, ${dryRun ? 'would update' : 'updated'} ${result.updated}, unchanged ${result.unchanged}${values.links !== undefined && !dryRun ? `; links written to ${values.links}` : ''}`,
    );
    return 0;
  },
});
