/**
 * The core API client (core/api/client.ts) against the real server on loopback, a gateway that is
 * not Verity, and a closed port: a contract test of both sides, so it lives with the server.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { type ApiClient, createApiClient } from '../../core/api/client.ts';
import { ApiError, NetworkError, UnexpectedAnswer } from '../../core/api/client-errors.ts';
import type { ErrorCode } from '../../core/errors.ts';
import { type Harness, sampleInterface, startHarness } from '../testing/harness.ts';
import { closedPortUrl, GATEWAY_PAGE, startGateway } from '../testing/loopback.ts';

let h: Harness;
let baseUrl: string;
let api: ApiClient;
let gateway: Awaited<ReturnType<typeof startGateway>>;

const clientFor = (url: string, token?: string): ApiClient =>
  createApiClient({
    baseUrl: url,
    fetch: (u, init) => fetch(u, init),
    headers: (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {}),
  });

beforeAll(async () => {
  h = await startHarness();
  await h.verity.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(h.verity.app.server.address() as AddressInfo).port}`;
  api = clientFor(baseUrl, (await h.user('admin')).token);
  gateway = await startGateway();
});
afterAll(async () => {
  await gateway.close();
  await h.close();
});

const newProject = (name: string) =>
  api.call('createProject', { body: { name, interface: sampleInterface as never } });

describe('the API client', () => {
  it('fills path parameters and query strings into the URL of an operation', () => {
    expect(api.url('getProject', { params: { projectId: 7 } })).toBe(`${baseUrl}/api/projects/7`);
    expect(
      api.url('importItems', { params: { projectId: 7 }, query: { format: 'csv', skipInvalid: 'true' } }),
    ).toBe(`${baseUrl}/api/projects/7/items?format=csv&skipInvalid=true`);
    expect(api.url('listProjects', { query: { cursor: 'a b&c', limit: undefined } })).toBe(
      `${baseUrl}/api/projects?cursor=a+b%26c`,
    );
  });

  it('sends a JSON body and parses the answer; reads a resource by its path parameter', async () => {
    const created = await newProject('Client algebra');
    expect(created).toMatchObject({ name: 'Client algebra', overlap: 1 });
    const read = await api.call('getProject', { params: { projectId: created.id } });
    expect(read.id).toBe(created.id);
    expect(read.name).toBe('Client algebra');
  });

  it('sends the query string: a page of one, then the next page by its cursor', async () => {
    await newProject('Client paging 1');
    await newProject('Client paging 2');
    const first = await api.call('listProjects', { query: { limit: 1 } });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await api.call('listProjects', { query: { limit: 1, cursor: first.nextCursor! } });
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
  });

  it('answers null for a 204: nothing left to annotate', async () => {
    const project = await newProject('Client empty');
    expect(await api.call('nextAssignment', { params: { projectId: project.id } })).toBeNull();
  });

  it('streams a raw body in and a JSON-lines answer out through request()', async () => {
    const project = await newProject('Client import');
    const lines = '{"data":{"text":"one","source":"a"}}\n{"data":{"text":"two","source":"b"}}\n';
    const body = new Blob([lines]).stream();
    const imported = await api.request(
      'importItems',
      { params: { projectId: project.id } },
      { body, contentType: 'application/x-ndjson' },
    );
    expect(imported.status).toBe(201);
    expect(await imported.json()).toMatchObject({ imported: 2 });
    const exported = await api.request('exportItems', { params: { projectId: project.id } });
    const rows = (await exported.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.data.text)).toEqual(['one', 'two']);
  });

  it("throws an error answer as an ApiError with the status, the closed code, the server's message and details", async () => {
    const err = await api.call('getProject', { params: { projectId: 999_999 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).not.toBeInstanceOf(UnexpectedAnswer);
    const e = err as ApiError;
    expectTypeOf(e.code).toEqualTypeOf<ErrorCode>();
    expect([e.status, e.code, e.message]).toEqual([
      404,
      'NOT_FOUND',
      'No such project, or you cannot see it.',
    ]);

    const invalid = (await api
      .call('createProject', { body: { name: '', interface: sampleInterface as never } })
      .catch((x: unknown) => x)) as ApiError;
    expect([invalid.status, invalid.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(invalid.details).toEqual([{ path: 'body.name', message: expect.any(String) }]);
  });

  it('throws UNAUTHENTICATED for a request without credentials', async () => {
    const err = (await clientFor(baseUrl)
      .call('listProjects')
      .catch((e: unknown) => e)) as ApiError;
    expect([err.status, err.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it("throws an answer that is not Verity's (a gateway's HTML 502) as an UnexpectedAnswer: INTERNAL, with the page's text", async () => {
    const err = await clientFor(gateway.url)
      .call('health')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnexpectedAnswer);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as UnexpectedAnswer;
    expect([e.status, e.code, e.message]).toEqual([502, 'INTERNAL', GATEWAY_PAGE]);
  });

  it('throws a NetworkError naming the server when no answer comes', async () => {
    const { url } = await closedPortUrl();
    const err = await clientFor(url)
      .call('health')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).server).toBe(url);
    expect(((err as NetworkError).cause as Error).name).toBe('TypeError');
  });

  it('lets an abort through as the AbortError it is', async () => {
    const err = await api.call('health', { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
    expect(err).not.toBeInstanceOf(NetworkError);
  });

  it('refuses a request its check refuses, before sending it', async () => {
    const sent: string[] = [];
    const checked = createApiClient({
      baseUrl,
      fetch: (u, init) => {
        sent.push(u);
        return fetch(u, init);
      },
      headers: () => ({}),
      check: (op) => {
        if (op === 'login') throw new ApiError(0, 'VALIDATION_FAILED', 'body.email: required');
      },
    });
    await expect(checked.call('login', { body: { email: '', password: '' } })).rejects.toMatchObject({
      status: 0,
      code: 'VALIDATION_FAILED',
    });
    expect(sent).toEqual([]);
    expect(await checked.call('health')).toMatchObject({ status: 'ok' });
    expect(sent).toEqual([`${baseUrl}/api/health`]);
  });
});
