import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-support.ts';

/** Not Verity: a gateway on loopback whose upstream is down, answering in HTML. */
let gateway: FastifyInstance;
let gatewayUrl: string;
beforeAll(async () => {
  gateway = Fastify();
  gateway.all('/*', (_req, reply) =>
    reply.code(502).type('text/html').send('<html><body>502 Bad Gateway</body></html>'),
  );
  await gateway.listen({ port: 0, host: '127.0.0.1' });
  gatewayUrl = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
});
afterAll(async () => gateway.close());

describe('verity against a server that does not answer as Verity', () => {
  it("names an answer that is not Verity's by its HTTP status and prints its text (exit 1)", async () => {
    const r = await runCli(['project', 'list'], { VERITY_URL: gatewayUrl, VERITY_TOKEN: 'vt_x' });
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error HTTP_502: <html><body>502 Bad Gateway</body></html>\n',
    });
  });

  it('says it cannot reach a server that is not there, and how to start one on this machine (exit 1)', async () => {
    const closed = Fastify();
    await closed.listen({ port: 0, host: '127.0.0.1' });
    const port = (closed.server.address() as AddressInfo).port;
    await closed.close();
    const r = await runCli(['project', 'list'], {
      VERITY_URL: `http://127.0.0.1:${port}`,
      VERITY_TOKEN: 'vt_x',
    });
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: cannot reach Verity at http://127.0.0.1:${port} (ECONNREFUSED); is the server running? Start one with: npx verity start --port ${port}\n`,
    });
  });
});
