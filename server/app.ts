import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { buildOpenApi } from '../core/api/openapi.ts';
import { bodyLimits, formatBytes } from '../core/api/route.ts';
import { errorCodes } from '../core/errors.ts';
import { adjudicationHandlers } from './adjudication/adjudication.routes.ts';
import { annotationHandlers } from './annotations/annotations.routes.ts';
import { assessmentHandlers } from './assessments/assessments.routes.ts';
import { assignmentHandlers } from './assignments/assignments.routes.ts';
import { auditHandlers } from './audit/audit.routes.ts';
import { authHandlers } from './auth/auth.routes.ts';
import { checkOrigin } from './auth/origin.ts';
import type { AppContext } from './context.ts';
import { dashboardHandlers } from './dashboards/dashboards.routes.ts';
import { exportHandlers } from './exports/exports.routes.ts';
import { generationHandlers } from './generation/generation.routes.ts';
import { goldHandlers } from './gold/gold.routes.ts';
import { AppError } from './http/errors.ts';
import { registerJsonBody } from './http/json-body.ts';
import { type Handlers, registerRoutes } from './http/register.ts';
import { importHandlers } from './imports/imports.routes.ts';
import { onboardingHandlers } from './invites/invites.routes.ts';
import { itemHandlers } from './items/items.routes.ts';
import { jobHandlers } from './jobs/jobs.routes.ts';
import { judgeHandlers } from './judge/judge.routes.ts';
import { liveHandlers } from './live/live.routes.ts';
import { mediaHandlers } from './media/media.routes.ts';
import { modelHandlers } from './models/connections.routes.ts';
import { projectHandlers } from './projects/projects.routes.ts';
import { metricsHandlers } from './quality/metrics.routes.ts';
import { reviewHandlers } from './review/review.routes.ts';
import { rosterHandlers } from './roster/roster.routes.ts';
import { setupHandlers } from './setup/setup.routes.ts';
import { skillHandlers } from './skills/skills.routes.ts';
import { ssoHandlers } from './sso/sso.routes.ts';
import { statsHandlers } from './stats/stats.routes.ts';
import { renderDocsPage } from './system/docs-page.ts';
import { serveWebApp } from './system/web.ts';
import { userHandlers } from './users/users.routes.ts';
import { worklogHandlers } from './worklog/worklog.routes.ts';

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
    // Each route of the contract sets its own limit; this covers anything else.
    bodyLimit: bodyLimits.standard,
    trustProxy: ctx.trustedProxies.length > 0 ? [...ctx.trustedProxies] : false,
  });
  await app.register(cookie);
  registerJsonBody(app);
  app.addHook('onRequest', async (req) => {
    if (isApi(req.url)) checkOrigin(req, ctx.publicOrigin);
  });
  app.addHook('onSend', async (req, reply) => {
    // A route with a stricter policy of its own (media: `default-src 'none'; sandbox`) keeps it.
    const own = reply.getHeader('content-security-policy');
    reply.headers(SECURITY_HEADERS);
    if (own !== undefined) reply.header('content-security-policy', own);
    // API answers carry user data (or set a session); no cache, shared or private, may keep them.
    // Waveform peaks alone say `private, no-cache` with an ETag (serve.ts): revalidated every time.
    const peaks = reply.statusCode < 400 && reply.getHeader('etag') !== undefined;
    if (isApi(req.url) && !PUBLIC_DOCS.has(req.url.split('?')[0]!) && !peaks)
      reply.header('cache-control', 'no-store');
  });
  app.setErrorHandler((err, req, reply) => {
    const e = toAppError(err, req);
    if (e.status >= 500) req.log.error({ err }, 'request failed');
    const retry = (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (e.code === 'RATE_LIMITED' && retry !== undefined) reply.header('retry-after', String(retry));
    const size = (e.details as { size?: number } | undefined)?.size;
    if (e.code === 'RANGE_NOT_SATISFIABLE' && size !== undefined)
      reply.header('content-range', `bytes */${size}`);
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
    ...setupHandlers(ctx),
    ...ssoHandlers(ctx),
    ...userHandlers(ctx),
    ...onboardingHandlers(ctx),
    ...projectHandlers(ctx),
    ...importHandlers(ctx),
    ...itemHandlers(ctx),
    ...annotationHandlers(ctx),
    ...exportHandlers(ctx),
    ...assignmentHandlers(ctx),
    ...reviewHandlers(ctx),
    ...adjudicationHandlers(ctx),
    ...statsHandlers(ctx),
    ...worklogHandlers(ctx),
    ...rosterHandlers(ctx),
    ...metricsHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...judgeHandlers(ctx),
    ...liveHandlers(ctx),
    ...modelHandlers(ctx),
    ...jobHandlers(ctx),
    ...generationHandlers(ctx),
    ...goldHandlers(ctx),
    ...assessmentHandlers(ctx),
    ...auditHandlers(ctx),
    ...skillHandlers(ctx),
    ...mediaHandlers(ctx),
  } satisfies Handlers;
  registerRoutes(app, ctx, handlers, opts.checkResponses ?? false);

  const openapi = buildOpenApi(ctx.version);
  app.get('/api/openapi.json', async () => openapi);
  const docs = renderDocsPage(openapi);
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(docs));
  serveWebApp(app, opts.webDist ?? WEB_DIST);
  return app;
}

const isApi = (url: string): boolean => url === '/api' || url.startsWith('/api/');
/** Public, the same for everyone, and worth caching. */
const PUBLIC_DOCS = new Set(['/api/openapi.json', '/api/docs']);

function toAppError(err: unknown, req: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = req.routeOptions.bodyLimit ?? bodyLimits.standard;
    return new AppError(
      'PAYLOAD_TOO_LARGE',
      `The request body is over this route's limit of ${formatBytes(limit)}.`,
      {
        limitBytes: limit,
      },
    );
  }
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('BAD_REQUEST', e.message ?? errorCodes.BAD_REQUEST.message);
  }
  return new AppError('INTERNAL');
}
