import { execFileSync } from 'node:child_process';

/** Browser tests need the built app: build it once per run when it is missing or stale. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' });
}
