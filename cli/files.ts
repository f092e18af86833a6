import fs from 'node:fs';
import { CliError } from './errors.ts';

export function readTextFile(file: string, flag: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(
      `${flag} ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }
}

/** Parses a JSON file; a syntax error names the file, line and column. */
export function readJsonFile(file: string, flag: string): unknown {
  const text = readTextFile(file, flag);
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const pos = Number(/position (\d+)/.exec(message)?.[1]);
    const where = Number.isNaN(pos) ? '' : ` at ${lineColumn(text, pos)}`;
    throw new CliError(`${file} is not valid JSON${where}: ${message}`);
  }
}

function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return `line ${line}, column ${pos - before.lastIndexOf('\n')}`;
}
