import { z } from 'zod';
import { errorCodes } from '../errors.ts';
import { ErrorBody } from './common.ts';
import { bodyLimits, formatBytes, type RouteDef } from './route.ts';
import { routes } from './routes.ts';

type Json = Record<string, unknown>;

/**
 * Builds the OpenAPI 3.0 document from the route contract. Named schemas (those with a meta id)
 * become components; the output is deterministic so the committed copy can be diffed in CI.
 */
export function buildOpenApi(version: string): Json {
  const components: Record<string, unknown> = {};
  const convert = (schema: z.ZodType, io: 'input' | 'output'): unknown => {
    const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Json;
    const defs = (json.definitions ?? {}) as Record<string, unknown>;
    delete json.definitions;
    delete json.$schema;
    for (const [name, def] of Object.entries(defs)) components[name] = relink(def);
    return relink(json);
  };
  const paths: Record<string, Record<string, unknown>> = {};
  const errorRef = { $ref: '#/components/schemas/Error' };
  convert(ErrorBody, 'output');
  for (const def of Object.values(routes) as RouteDef[]) {
    const op: Json = { operationId: def.operationId, summary: def.summary, tags: [def.tag] };
    const parameters = [
      ...objectParams(def.params, 'path', convert),
      ...objectParams(def.query, 'query', convert),
    ];
    if (parameters.length > 0) op.parameters = parameters;
    if (def.body) {
      const limit = def.bodyLimit ?? bodyLimits.standard;
      op.requestBody = {
        required: true,
        description: `At most ${formatBytes(limit)}; a larger body is refused with 413 PAYLOAD_TOO_LARGE.`,
        'x-body-limit': limit,
        content: { 'application/json': { schema: convert(def.body, 'input') } },
      };
    } else if (def.bodyKind === 'stream' && def.tag === 'media') {
      op.requestBody = {
        required: true,
        content: {
          'application/octet-stream': {
            schema: {
              type: 'string',
              format: 'binary',
              description: 'the file; its type is probed from its bytes',
            },
          },
        },
      };
    } else if (def.bodyKind === 'stream') {
      op.requestBody = {
        required: true,
        content: {
          'application/x-ndjson': { schema: { type: 'string', description: 'one JSON item per line' } },
          'text/csv': { schema: { type: 'string', description: 'a header row, then one item per row' } },
        },
      };
    }
    const ok = String(def.status ?? 200);
    const responses: Json = {};
    if (def.responseKind === 'jsonl') {
      responses[ok] = {
        description: def.lines ? 'JSON Lines, each line one `x-line` object' : 'JSON Lines',
        content: {
          'application/x-ndjson': {
            schema: { type: 'string' },
            ...(def.lines ? { 'x-line': convert(def.lines, 'output') } : {}),
          },
        },
      };
    } else if (def.responseKind === 'file') {
      responses[ok] = {
        description: 'JSON Lines, or CSV (RFC 4180) for `format=csv`',
        content: {
          'application/x-ndjson': { schema: { type: 'string' } },
          'text/csv': { schema: { type: 'string' } },
        },
      };
    } else if (def.responseKind === 'csv') {
      responses[ok] = {
        description: 'CSV (RFC 4180): a header row, then one row per record',
        content: { 'text/csv': { schema: { type: 'string' } } },
      };
    } else if (def.responseKind === 'media') {
      responses[ok] = {
        description:
          'The bytes, as their probed type (audio, video or image types inline; anything else application/octet-stream as an attachment); 206 with Content-Range for one range',
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      };
      responses['206'] = { description: 'The requested range (Content-Range says which)' };
    } else if (def.responseKind === 'redirect') {
      responses[ok] = {
        description: 'A redirect for the browser to follow',
        headers: { Location: { schema: { type: 'string' }, description: 'where the browser goes next' } },
      };
    } else if (def.response) {
      responses[ok] = {
        description: 'OK',
        content: { 'application/json': { schema: convert(def.response, 'output') } },
      };
    } else responses[ok] = { description: 'No content' };
    if (def.mayBeEmpty) responses['204'] = { description: 'Nothing to return' };
    responses.default = { description: 'An error', content: { 'application/json': { schema: errorRef } } };
    op.responses = responses;
    if (def.auth === 'public') op.security = [];
    paths[def.path] = { ...paths[def.path], [def.method.toLowerCase()]: op };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Verity API',
      version,
      description:
        'JSON under /api, camelCase. Errors are {"error":{"code","message","details"}} with codes: ' +
        Object.keys(errorCodes).join(', ') +
        '. Lists use cursor pagination: pass nextCursor back as cursor.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => (a < b ? -1 : 1))),
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token from POST /api/tokens or `verity token create`',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'verity_session',
          description: 'Set by POST /api/auth/login; writes must send the x-csrf-token header',
        },
      },
    },
  };
}

function objectParams(
  schema: z.ZodType | undefined,
  where: 'path' | 'query',
  convert: (s: z.ZodType, io: 'input' | 'output') => unknown,
): Json[] {
  if (!schema) return [];
  const json = convert(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
  }));
}

function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string'
          ? v.replace('#/definitions/', '#/components/schemas/')
          : relink(v),
      ]),
    );
  }
  return value;
}
