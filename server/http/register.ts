import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { bodyLimits, type RouteDef } from '../../core/api/route.ts';
import { type Routes, routes } from '../../core/api/routes.ts';
import { formatPath } from '../../core/interface/index.ts';
import { authenticate } from '../auth/authenticate.ts';
import type { AppContext, Caller } from '../context.ts';
import { type MediaAnswer, mediaHeaders } from '../media/serve.ts';
import { AppError } from './errors.ts';

type In<S> = S extends z.ZodType ? z.output<S> : undefined;
type Out<R extends RouteDef> = R['response'] extends z.ZodType ? z.input<R['response']> : null;

export interface HandlerInput<R extends RouteDef> {
  caller: R['auth'] extends 'user' ? Caller : Caller | null;
  params: In<R['params']>;
  query: In<R['query']>;
  body: In<R['body']>;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** A CSV answer: the document and the file name a browser saves it as. */
export interface CsvFile {
  csv: string;
  fileName: string;
}

/** A streamed file: JSON lines, CSV, a ZIP archive, RTTM or subtitles, and the name a browser saves it as. */
export interface StreamedFile {
  body: Readable;
  kind: keyof typeof FILE_TYPES;
  fileName: string;
}

/** Where to send the browser next (a `redirect` route): a path of this site or a provider's URL. */
export interface Redirect {
  location: string;
}

/**
 * A handler returns the response body, `null` for 204, a stream for JSONL responses, a CsvFile for
 * CSV, a StreamedFile for either, a Redirect for a redirect.
 */
export type Handler<R extends RouteDef> = (
  input: HandlerInput<R>,
) => Promise<
  R['responseKind'] extends 'jsonl'
    ? Readable
    : R['responseKind'] extends 'file'
      ? StreamedFile
      : R['responseKind'] extends 'csv'
        ? CsvFile
        : R['responseKind'] extends 'redirect'
          ? Redirect
          : R['responseKind'] extends 'media'
            ? MediaAnswer
            : R['mayBeEmpty'] extends true
              ? Out<R> | null
              : Out<R>
>;

export type Handlers = { [K in keyof Routes]: Handler<Routes[K]> };

function parsePart(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const at = (segments: readonly PropertyKey[]) => {
    const rest = formatPath(segments);
    return rest === '' ? where : rest.startsWith('[') ? `${where}${rest}` : `${where}.${rest}`;
  };
  // One detail per unknown key, at the key itself, so the path points at the typo.
  const details = result.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => ({ path: at([...i.path, key]), message: 'unknown property' }))
      : [{ path: at(i.path), message: i.message }],
  );
  const first = details[0];
  throw new AppError('VALIDATION_FAILED', first ? `${first.path}: ${first.message}` : undefined, details);
}

/** The caller each request authenticated as in onRequest, for its handler. */
/** The content type of each kind of streamed file. */
const FILE_TYPES = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
  rttm: 'text/plain; charset=utf-8',
  vtt: 'text/vtt; charset=utf-8',
  srt: 'application/x-subrip; charset=utf-8',
} as const;

const callers = new WeakMap<FastifyRequest, Caller>();

const toFastifyPath = (p: string): string => p.replace(/\{(\w+)\}/g, ':$1');

/**
 * Registers every operation of the shared contract; a missing handler is a start-up error. A
 * route that needs a caller authenticates in onRequest, before its body is read: an anonymous or
 * revoked caller is refused without the server buffering what they send. Each route reads at
 * most its own body limit.
 */
export function registerRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  handlers: Handlers,
  checkResponses: boolean,
): void {
  for (const [op, def] of Object.entries(routes) as [keyof Routes, RouteDef][]) {
    const handler = handlers[op] as unknown as Handler<RouteDef>;
    if (!handler) throw new Error(`no handler for ${op}`);
    const streamBody = def.bodyKind === 'stream';
    const mount = (scope: FastifyInstance) =>
      scope.route({
        method: def.method,
        url: toFastifyPath(def.path),
        bodyLimit: def.bodyLimit ?? bodyLimits.standard,
        ...(def.auth === 'user'
          ? {
              onRequest: async (req: FastifyRequest) => {
                callers.set(req, await authenticate(ctx, req));
              },
            }
          : {}),
        handler: async (req, reply) => {
          const input = {
            caller: callers.get(req) ?? null,
            params: parsePart(def.params, req.params, 'params'),
            query: parsePart(def.query, req.query, 'query'),
            body: streamBody ? undefined : parsePart(def.body, req.body, 'body'),
            req,
            reply,
          } as HandlerInput<RouteDef>;
          const out = await handler(input);
          if (reply.sent) return reply;
          if (def.responseKind === 'jsonl') {
            return reply.type('application/x-ndjson; charset=utf-8').send(out);
          }
          if (def.responseKind === 'file') {
            const { body, kind, fileName } = out as unknown as StreamedFile;
            reply.header('content-disposition', `attachment; filename="${fileName}"`);
            return reply.type(FILE_TYPES[kind]).send(body);
          }
          if (def.responseKind === 'media') {
            const media = out as unknown as MediaAnswer;
            return reply.code(media.status).headers(mediaHeaders(media)).send(media.body);
          }
          if (def.responseKind === 'redirect') {
            return reply.redirect((out as unknown as Redirect).location, def.status ?? 303);
          }
          if (def.responseKind === 'csv') {
            const { csv, fileName } = out as unknown as CsvFile;
            // The name is ours (ASCII), never a user's: no quoting rules of its own to get wrong.
            reply.header('content-disposition', `attachment; filename="${fileName}"`);
            return reply.type('text/csv; charset=utf-8').send(csv);
          }
          if (out === null || def.status === 204) return reply.code(204).send();
          if (checkResponses && def.response) {
            const checked = def.response.safeParse(out);
            if (!checked.success)
              throw new Error(`${op} response drifted from its schema: ${checked.error.message}`);
          }
          return reply.code(def.status ?? 200).send(out);
        },
      });
    if (streamBody) {
      // Streamed bodies (imports) reach the handler unread; other routes keep the JSON parser.
      app.register(async (scope) => {
        scope.removeAllContentTypeParsers();
        scope.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
        mount(scope);
      });
    } else mount(app);
  }
}
