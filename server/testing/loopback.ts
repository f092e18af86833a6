import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';

/** The page a gateway answers with when its upstream is down. */
export const GATEWAY_PAGE = '<html><body>502 Bad Gateway</body></html>';

/** Not Verity: a gateway on loopback whose upstream is down, answering every request 502 in HTML. */
export async function startGateway(): Promise<{ url: string; close(): Promise<void> }> {
  const gateway = Fastify();
  gateway.all('/*', (_req, reply) => reply.code(502).type('text/html').send(GATEWAY_PAGE));
  await gateway.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`,
    close: () => gateway.close(),
  };
}

/** The URL of a loopback port that was just free and is closed again: nothing answers there. */
export async function closedPortUrl(): Promise<{ url: string; port: number }> {
  const server = Fastify();
  await server.listen({ port: 0, host: '127.0.0.1' });
  const port = (server.server.address() as AddressInfo).port;
  await server.close();
  return { url: `http://127.0.0.1:${port}`, port };
}
