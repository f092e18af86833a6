import { type Command, parseCommandArgs } from './command.ts';
import { commands } from './commands/index.ts';
import { formatError, UsageError } from './errors.ts';
import { commandHelp, overviewHelp } from './help.ts';
import { VERSION } from './version.ts';

/** Runs `verity <argv>`; answers the exit code (0 ok, 1 failed, 2 usage) and never throws. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (err) {
    const { text, exitCode } = formatError(err);
    process.stderr.write(`${text}\n`);
    return exitCode;
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const [first] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    // Asked for, help is the output; without a command it is a usage error.
    (first === undefined ? process.stderr : process.stdout).write(overviewHelp(commands, VERSION));
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const found = findCommand(argv);
  if ('group' in found) {
    // `verity project` or `verity project --help`: the group's commands.
    (argv[1] === undefined ? process.stderr : process.stdout).write(
      overviewHelp(commands, VERSION, [found.group]),
    );
    return argv[1] === undefined ? 2 : 0;
  }
  const args = parseCommandArgs(found.cmd, found.rest);
  if (args === 'help') {
    process.stdout.write(commandHelp(found.cmd));
    return 0;
  }
  return found.cmd.run(args);
}

function findCommand(argv: string[]): { cmd: Command; rest: string[] } | { group: string } {
  for (const cmd of commands) {
    if (cmd.path.every((w, i) => argv[i] === w)) return { cmd, rest: argv.slice(cmd.path.length) };
  }
  const group = commands.filter((c) => c.path.length > 1 && c.path[0] === argv[0]);
  const sub = argv[1];
  if (group.length === 0) throw new UsageError(`unknown command "${argv[0]}" (see verity --help)`);
  if (sub === undefined || sub === '--help' || sub === '-h') return { group: argv[0]! };
  throw new UsageError(
    `unknown command "verity ${argv[0]} ${sub}"; try: ${group.map((c) => `verity ${c.path.join(' ')}`).join(', ')}`,
  );
}
