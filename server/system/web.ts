import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * Serves the built browser app from `distDir`: hashed assets with a long cache, and index.html
 * for every other GET outside /api so client-side routes survive a reload.
 */
export function serveWebApp(app: FastifyInstance, distDir: string): void {
  const indexPath = path.join(distDir, 'index.html');
  const assetsDir = path.join(distDir, 'assets');
  app.get('/assets/*', async (req, reply) => {
    const rel = (req.params as { '*': string })['*'];
    const file = path.resolve(assetsDir, rel);
    if (!file.startsWith(assetsDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return reply.code(404).type('text/plain').send('not found');
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    return reply
      .type(type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(fs.createReadStream(file));
  });
  const sendIndex = async (_req: unknown, reply: import('fastify').FastifyReply) => {
    if (!fs.existsSync(indexPath)) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. Run `npm run build` (npm start does it for you).');
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(fs.createReadStream(indexPath));
  };
  app.get('/', sendIndex);
  app.get('/*', async (req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api') {
      return reply
        .code(404)
        .send({ error: { code: 'NOT_FOUND', message: `No route GET ${req.url.split('?')[0]}.` } });
    }
    return sendIndex(req, reply);
  });
}
