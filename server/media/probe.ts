import { toolPath } from './binaries.ts';
import { factsFromProbe, type ProbedFacts } from './probe-facts.ts';
import { runTool, ToolError, toolReason } from './run-tool.ts';

/** The most a probe may take, and print (a file with thousands of streams is not media we take). */
export const PROBE_TIMEOUT_MS = 60_000;
export const PROBE_MAX_OUTPUT = 1024 * 1024;

/** A file ffprobe cannot read: its reason, in words to show a manager. */
export class UndecodableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UndecodableError';
  }
}

/**
 * Probes a local file with ffprobe (JSON output, headers and stream parameters only): its facts,
 * or an UndecodableError with ffprobe's reason. Other errors (no ffprobe, a time limit) are thrown
 * as they are: they say nothing of the file.
 */
export async function probeFile(
  file: string,
  contentType: string,
  signal?: AbortSignal,
): Promise<ProbedFacts> {
  // `file:` so that no part of a path is ever read as another protocol or an option.
  const input = `file:${file}`;
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', input];
  let run: Awaited<ReturnType<typeof runTool>>;
  try {
    run = await runTool(toolPath('ffprobe'), args, {
      timeoutMs: PROBE_TIMEOUT_MS,
      maxOutput: PROBE_MAX_OUTPUT,
      ...(signal ? { signal } : {}),
    });
  } catch (err) {
    if (err instanceof ToolError && /printed more/.test(err.message))
      throw new UndecodableError(`ffprobe ${err.message}`);
    throw err;
  }
  if (run.code !== 0) throw new UndecodableError(toolReason(run.stderr, input));
  try {
    return factsFromProbe(run.stdout, contentType);
  } catch (err) {
    throw new UndecodableError((err as Error).message);
  }
}
