import { CliError } from './errors.ts';

/** The first line of stdin without its line ending; the rest of the input is left unread. */
export async function readFirstLine(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
  }
  const line = text.split('\n', 1)[0]!.replace(/\r$/, '');
  if (line === '') throw new CliError('--password-stdin: stdin gave no password (an empty first line)');
  return line;
}
