import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { buildOpenApi } from '../core/api/openapi.ts';
import { errorCodes } from '../core/errors.ts';
import { assignmentHandlers } from './assignments/assignments.routes.ts';
import { authHandlers } from './auth/auth.routes.ts';
import type { AppContext } from './context.ts';
import { AppError } from './http/errors.ts';
import { type Handlers, registerRoutes } from './http/register.ts';
import { itemHandlers } from './items/items.routes.ts';
import { projectHandlers } from './projects/projects.routes.ts';
import { renderDocsPage } from './system/docs-page.ts';
import { serveWebApp } from './system/web.ts';
import { userHandlers } from './users/users.routes.ts';

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Check every JSON response against its schema (on in tests). */
  checkResponses?: boolean;
  /** Where the built browser app lives (default web/dist). */
  webDist?: string;
}

const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Assembles the HTTP app: plugins, the shared route contract and its handlers, errors. */
export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 32 * 1024 * 1024,
    trustProxy: process.env.VERITY_TRUST_PROXY === '1',
  });
  await app.register(cookie);
  // An empty JSON body (a POST with no payload) means "no fields", not a parse error.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch (err) {
      done(new AppError('BAD_REQUEST', `The body is not valid JSON: ${(err as Error).message}`), undefined);
    }
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  app.setErrorHandler((err, req, reply) => {
    const e = toAppError(err);
    if (e.status >= 500) req.log.error({ err }, 'request failed');
    return reply.code(e.status).send({ error: { code: e.code, message: e.message, details: e.details } });
  });
  app.setNotFoundHandler((req, reply) =>
    reply
      .code(404)
      .send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}.` } }),
  );

  const handlers = {
    health: async () => ({ status: 'ok' as const, store: ctx.store.kind, version: ctx.version }),
    ...authHandlers(ctx),
    ...userHandlers(ctx),
    ...projectHandlers(ctx),
    ...itemHandlers(ctx),
    ...assignmentHandlers(ctx),
  } satisfies Handlers;
  registerRoutes(app, ctx, handlers, opts.checkResponses ?? false);

  const openapi = buildOpenApi(ctx.version);
  app.get('/api/openapi.json', async () => openapi);
  const docs = renderDocsPage(openapi);
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(docs));
  serveWebApp(app, opts.webDist ?? WEB_DIST);
  return app;
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE');
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('BAD_REQUEST', e.message ?? errorCodes.BAD_REQUEST.message);
  }
  return new AppError('INTERNAL');
}
