import { CliError } from './errors.ts';

/** The first line of stdin without its line ending; the rest of the input is left unread. */
export async function readFirstLine(
  stream: NodeJS.ReadableStream = process.stdin,
  flag = '--password-stdin',
  what = 'password',
): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
  }
  const line = text.split('\n', 1)[0]!.replace(/\r$/, '');
  if (line === '') throw new CliError(`${flag}: stdin gave no ${what} (an empty first line)`);
  return line;
}

/**
 * The password for --password-stdin (or another secret for its own flag): the first line of piped
 * input, or, when stdin is a terminal (the command pasted as is), typed at a prompt without echo.
 */
export async function readPassword(
  prompt: string,
  flag = '--password-stdin',
  what = 'password',
): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return readFirstLine(stdin, flag, what);
  // Echo off before the prompt shows, so nothing typed at it is ever displayed.
  stdin.setRawMode(true);
  stdin.resume();
  process.stderr.write(prompt);
  try {
    const typed = await new Promise<string>((resolve, reject) => {
      let text = '';
      const onData = (chunk: Buffer) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            stdin.off('data', onData);
            return resolve(text);
          }
          if (ch === '\u0003' || ch === '\u0004') {
            stdin.off('data', onData);
            return reject(new CliError('cancelled'));
          }
          // Backspace / delete take back the last character typed.
          text = ch === '\u007f' || ch === '\b' ? [...text].slice(0, -1).join('') : text + ch;
        }
      };
      stdin.on('data', onData);
    });
    if (typed === '') throw new CliError(`${flag}: no ${what} typed`);
    return typed;
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    process.stderr.write('\n');
  }
}
