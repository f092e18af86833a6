import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPortUrl, GATEWAY_PAGE, startGateway } from '../server/testing/loopback.ts';
import { runCli } from './test-support.ts';

let gateway: Awaited<ReturnType<typeof startGateway>>;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(async () => gateway.close());

describe('verity against a server that does not answer as Verity', () => {
  it("names an answer that is not Verity's by its HTTP status and prints its text (exit 1)", async () => {
    const r = await runCli(['project', 'list'], { VERITY_URL: gateway.url, VERITY_TOKEN: 'vt_x' });
    expect(r).toEqual({ code: 1, stdout: '', stderr: `error HTTP_502: ${GATEWAY_PAGE}\n` });
  });

  it('says it cannot reach a server that is not there, and how to start one on this machine (exit 1)', async () => {
    const { url, port } = await closedPortUrl();
    const r = await runCli(['project', 'list'], { VERITY_URL: url, VERITY_TOKEN: 'vt_x' });
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: cannot reach Verity at ${url} (ECONNREFUSED); is the server running? Start one with: npx verity start --port ${port}\n`,
    });
  });
});
