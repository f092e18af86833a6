import { type Command, type Flags, helpFlag } from './command.ts';

const flagLabel = (name: string, f: Flags[string]): string =>
  `${f.short ? `-${f.short}, ` : ''}--${name}${f.value ? ` ${f.value}` : ''}`;

export function commandHelp(cmd: Command): string {
  const flags = { ...cmd.flags, ...helpFlag } as Flags;
  const required = Object.entries(cmd.flags)
    .filter(([, f]) => f.required)
    .map(([n, f]) => flagLabel(n, f));
  const usage = ['verity', ...cmd.path, ...(cmd.positionals ?? []), ...required, '[flags]'].join(' ');
  const rows = Object.entries(flags).map(([n, f]) => [flagLabel(n, f), f.help] as const);
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return [
    `Usage: ${usage}`,
    '',
    cmd.summary,
    '',
    'Flags:',
    ...rows.map(([l, h]) => `  ${l.padEnd(width)}${h}`),
    '',
  ].join('\n');
}

export function overviewHelp(commands: readonly Command[], version: string, prefix: string[] = []): string {
  const shown = commands.filter((c) => prefix.every((w, i) => c.path[i] === w));
  const rows = shown.map((c) => [c.path.join(' '), c.summary] as const);
  const width = Math.max(...rows.map(([n]) => n.length)) + 2;
  return [
    `Verity ${version}: the command line for the Verity annotation platform.`,
    '',
    `Usage: verity ${prefix.length ? prefix.join(' ') + ' ' : ''}<command> [flags]`,
    '',
    'Commands:',
    ...rows.map(([n, s]) => `  ${n.padEnd(width)}${s}`),
    '',
    'Run `verity <command> --help` for its flags. Exit codes: 0 ok, 1 the operation failed, 2 usage error.',
    '',
  ].join('\n');
}
