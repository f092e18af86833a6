import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from './command.ts';
import { commands } from './commands/index.ts';
import { UsageError } from './errors.ts';
import { commandHelp, overviewHelp } from './help.ts';
import { progressLine } from './progress.ts';

describe('help and argument parsing', () => {
  it('lists every command in the overview and every flag in its help', () => {
    const overview = overviewHelp(commands, '1.2.3');
    for (const cmd of commands) {
      expect(overview).toContain(`  ${cmd.path.join(' ')} `);
      const help = commandHelp(cmd);
      for (const flag of Object.keys(cmd.flags)) expect(help).toContain(`--${flag}`);
      expect(help).toContain('--help');
    }
  });

  it('answers help for --help on every command', () => {
    for (const cmd of commands) expect(parseCommandArgs(cmd, ['--help'])).toBe('help');
  });

  it('names an unknown flag and a missing required one', () => {
    const create = commands.find((c) => c.path.join(' ') === 'project create')!;
    expect(() =>
      parseCommandArgs(create, ['--name', 'P', '--interface', 'i.json', '--colour', 'red']),
    ).toThrow(new UsageError('unknown flag --colour (see verity project create --help)'));
    expect(() => parseCommandArgs(create, ['--name', 'P'])).toThrow(
      new UsageError('missing --interface FILE (see verity project create --help)'),
    );
  });

  it('draws the progress bar from bytes sent, total and elapsed time', () => {
    expect(progressLine({ sent: 5_000_000, total: 10_000_000, elapsedMs: 2000 }, 10)).toBe(
      '[#####-----]  50% 5.0 MB / 10.0 MB  2.5 MB/s',
    );
  });
});
