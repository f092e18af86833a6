// Writes the committed OpenAPI document (docs/openapi.json) from the route contract.
// scripts/openapi.test.ts fails when the committed copy drifts from the code.
import fs from 'node:fs';
import { buildOpenApi } from '../core/api/openapi.ts';
import { VERSION } from '../server/server.ts';

export const OPENAPI_PATH = new URL('../docs/openapi.json', import.meta.url);
export const renderOpenApi = (): string => `${JSON.stringify(buildOpenApi(VERSION), null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.writeFileSync(OPENAPI_PATH, renderOpenApi());
  console.log('wrote docs/openapi.json');
}
