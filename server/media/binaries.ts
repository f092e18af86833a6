import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Where the ffprobe and ffmpeg programs are (docs/media.md, "Probing"), looked for in this order:
 * 1. `VERITY_FFPROBE` / `VERITY_FFMPEG`: a path an operator chose;
 * 2. a system `ffprobe` / `ffmpeg` on the PATH (the distribution's build: every format it has);
 * 3. the static builds shipped in npm packages `@ffprobe-installer/ffprobe` (ffprobe 5.x) and
 *    `@ffmpeg-installer/ffmpeg` (ffmpeg 4.1), installed by `npm ci`.
 * Found once per process; `null` with the reason when none is there.
 */
export interface MediaTool {
  path: string;
  source: 'env' | 'system' | 'npm';
}
export type ToolName = 'ffprobe' | 'ffmpeg';

export const TOOL_ENV: Record<ToolName, string> = { ffprobe: 'VERITY_FFPROBE', ffmpeg: 'VERITY_FFMPEG' };
const NPM_PACKAGE: Record<ToolName, string> = {
  ffprobe: '@ffprobe-installer/ffprobe',
  ffmpeg: '@ffmpeg-installer/ffmpeg',
};

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, envPath: string | undefined): string | null {
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const file = path.join(dir, name);
    if (executable(file)) return file;
  }
  return null;
}

function fromNpm(name: ToolName): string | null {
  try {
    const found = createRequire(import.meta.url)(NPM_PACKAGE[name]) as { path?: unknown };
    return typeof found.path === 'string' && executable(found.path) ? found.path : null;
  } catch {
    return null;
  }
}

/** Finds a tool now (no cache): the env variable, the PATH, then the npm package. */
export function findTool(name: ToolName, env: NodeJS.ProcessEnv = process.env): MediaTool | string {
  const chosen = env[TOOL_ENV[name]]?.trim();
  if (chosen) {
    if (executable(chosen)) return { path: chosen, source: 'env' };
    return `${TOOL_ENV[name]} names ${chosen}, which is not an executable file`;
  }
  const system = onPath(name, env.PATH);
  if (system) return { path: system, source: 'system' };
  const npm = fromNpm(name);
  if (npm) return { path: npm, source: 'npm' };
  return `no ${name} found: install ffmpeg on the PATH, set ${TOOL_ENV[name]}, or run npm ci (package ${NPM_PACKAGE[name]})`;
}

const found = new Map<ToolName, MediaTool | string>();

/** The tool's path, found once per process; throws the reason when there is none. */
export function toolPath(name: ToolName): string {
  let tool = found.get(name);
  if (tool === undefined || typeof tool === 'string') {
    tool = findTool(name);
    found.set(name, tool);
  }
  if (typeof tool === 'string') throw new Error(tool);
  return tool.path;
}
