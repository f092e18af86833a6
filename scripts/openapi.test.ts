import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodeList } from '../core/errors.ts';
import { OPENAPI_PATH, renderOpenApi } from './write-openapi.ts';

describe('generated artifacts', () => {
  it('the committed docs/openapi.json matches the route contract (run `npm run openapi` after changing it)', () => {
    expect(fs.readFileSync(OPENAPI_PATH, 'utf8')).toBe(renderOpenApi());
  });

  it('every error code is documented in docs/errors.md', () => {
    const doc = fs.readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
    const missing = errorCodeList.filter((code) => !doc.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });
});
