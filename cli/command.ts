import { parseArgs } from 'node:util';
import { UsageError } from './errors.ts';

export interface Flag {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in help after the flag: `--name NAME`. */
  value?: string;
  help: string;
  required?: boolean;
  /** A string flag that may be given more than once (`--param a=1 --param b=2`): its values in order. */
  multiple?: boolean;
}
export type Flags = Record<string, Flag>;

type Values<F extends Flags> = {
  [K in keyof F]: F[K]['required'] extends true
    ? string
    : F[K]['type'] extends 'boolean'
      ? boolean | undefined
      : F[K]['multiple'] extends true
        ? string[] | undefined
        : string | undefined;
};

export interface Args<F extends Flags> {
  values: Values<F>;
  positionals: string[];
}

export interface Command<F extends Flags = Flags> {
  /** The words after `verity`: ['project', 'create']. */
  path: string[];
  summary: string;
  /** Positional arguments as shown in help, e.g. ['FILE']; none when absent. */
  positionals?: string[];
  flags: F;
  run(args: Args<F>): Promise<number>;
}

export const defineCommand = <const F extends Flags>(c: Command<F>): Command<F> => c;

export const helpFlag = {
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} as const satisfies Flags;

/** Parses argv against the command's flags; every misuse is a UsageError naming the flag. */
export function parseCommandArgs<F extends Flags>(cmd: Command<F>, argv: string[]): Args<F> | 'help' {
  const name = `verity ${cmd.path.join(' ')}`;
  const options = Object.fromEntries(
    Object.entries({ ...cmd.flags, ...helpFlag } as Flags).map(([k, f]) => [
      k,
      { type: f.type, ...(f.short ? { short: f.short } : {}), ...(f.multiple ? { multiple: true } : {}) },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(`${describeParseError(err)} (see ${name} --help)`);
  }
  if (parsed.values.help) return 'help';
  const expected = cmd.positionals ?? [];
  if (parsed.positionals.length > expected.length) {
    throw new UsageError(`unexpected argument "${parsed.positionals[expected.length]}" (see ${name} --help)`);
  }
  if (parsed.positionals.length < expected.length) {
    throw new UsageError(`missing ${expected[parsed.positionals.length]} (see ${name} --help)`);
  }
  for (const [key, flag] of Object.entries(cmd.flags)) {
    if (flag.required && parsed.values[key] === undefined) {
      throw new UsageError(`missing --${key} ${flag.value ?? ''}`.trimEnd() + ` (see ${name} --help)`);
    }
  }
  return { values: parsed.values as Values<F>, positionals: parsed.positionals };
}

function describeParseError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const flag = /'([^']+)'/.exec(e.message ?? '')?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown flag ${flag ?? ''}`.trimEnd();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return flag
        ? `flag ${flag.split(' ')[0]} ${/argument missing/.test(e.message ?? '') ? 'needs a value' : 'takes no value'}`
        : String(e.message);
    default:
      return String(e.message);
  }
}

/** `--overlap 3` → 3; anything but an integer is a usage error naming the flag. */
export function intFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`--${name} must be an integer, not "${value}"`);
  return Number(value);
}

/** `--role admin` → 'admin'; a value outside `choices` is a usage error listing them. */
export function enumFlag<const C extends readonly string[]>(
  value: string | undefined,
  name: string,
  choices: C,
): C[number] | undefined {
  if (value === undefined) return undefined;
  if (!choices.includes(value))
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}; not "${value}"`);
  return value;
}
