import { spawn } from 'node:child_process';

export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
  }
}

/**
 * Runs ffprobe (or ffmpeg for a short job) to its end with a time limit and a cap on what it may
 * print: past `maxOutput` bytes of stdout, or past `timeoutMs`, it is killed and this throws a
 * ToolError saying which. stderr keeps its last 4 kB (the reason a tool gives is at its end).
 */
export function runTool(
  file: string,
  args: readonly string[],
  opts: { timeoutMs: number; maxOutput: number; signal?: AbortSignal },
): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: opts.signal });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    let failure: string | null = null;
    const stop = (why: string) => {
      failure ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`took longer than ${opts.timeoutMs / 1000} s`), opts.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > opts.maxOutput) stop(`printed more than ${opts.maxOutput} bytes`);
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString('utf8')).slice(-4096);
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(opts.signal?.aborted ? e : new ToolError(`could not run ${file}: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) reject(new ToolError(failure));
      else resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: err });
    });
  });
}

/**
 * What a tool's stderr says went wrong, in words for a manager: its lines without the component
 * tags (`[mov,mp4 @ 0x…]`) and without the file's path (a server path is nobody's business),
 * repeated lines once, joined by "; ", at most 300 characters.
 */
export function toolReason(stderr: string, file: string): string {
  const lines: string[] = [];
  for (const raw of stderr.split('\n')) {
    const line = raw
      .replace(/^\[[^\]]*\]\s*/, '')
      .split(`${file}: `)
      .join('')
      .split(file)
      .join('the file')
      .trim();
    if (line !== '' && !lines.includes(line)) lines.push(line);
  }
  return (lines.join('; ') || 'no reason given').slice(0, 300);
}
