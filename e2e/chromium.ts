import fs from 'node:fs';

/**
 * Debian's Chromium, which every browser test and the bench's browser part drive through
 * playwright-core. VERITY_CHROMIUM (or CHROMIUM_PATH) points elsewhere.
 */
export const CHROMIUM = process.env.VERITY_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What to say when Chromium is not at CHROMIUM. */
export const MISSING_CHROMIUM = `Chromium is missing: no ${CHROMIUM}. Browser tests need it: apt-get install chromium (or set VERITY_CHROMIUM to its path).`;

/**
 * Whether browser tests can run here. Without Chromium they are skipped with a notice, except
 * under CI (CI set), where this throws: a CI run without its browser tests is a failure.
 */
export function chromiumPresent(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${MISSING_CHROMIUM} CI runs every browser test.`);
  console.warn(`${MISSING_CHROMIUM} Skipped here; under CI this fails.`);
  return false;
}
