import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenAiServer, startOpenAiServer } from '../server/testing/openai-server.ts';
import { assertNowhere } from '../server/testing/secret-search.ts';
import { parseParams } from './params.ts';
import { type CliResult, type CliServer, runCli, startCliServer } from './test-support.ts';

const KEY = `sk-cli-${randomBytes(10).toString('hex')}`;
let s: CliServer;
let ai: OpenAiServer;
let env: Record<string, string>;
const outputs: CliResult[] = [];
const run = async (args: string[], input?: string) => {
  const r = await runCli(args, env, input === undefined ? {} : { input });
  outputs.push(r);
  return r;
};

beforeAll(async () => {
  s = await startCliServer();
  ai = await startOpenAiServer({ apiKey: KEY, models: ['tiny-1'] });
  env = { ...s.env, VERITY_TOKEN: await s.adminToken() };
});
afterAll(async () => {
  await s?.close();
  await ai?.close();
});

describe('verity model', () => {
  it('adds a connection with the key from stdin, lists it, tests it and removes it', async () => {
    const add = await run(
      [
        'model',
        'add',
        '--name',
        'Local vLLM',
        '--base-url',
        ai.baseURL,
        '--model',
        'tiny-1',
        '--api-key-stdin',
        '--concurrency',
        '2',
        '--requests-per-minute',
        '600',
        '--timeout-ms',
        '5000',
        '--param',
        'temperature=0.5',
        '--param',
        'stop=END',
        '--allow-private-network',
      ],
      `${KEY}\n`,
    );
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({
      name: 'Local vLLM',
      hasApiKey: true,
      concurrency: 2,
      requestsPerMinute: 600,
      timeoutMs: 5000,
      params: { temperature: 0.5, stop: 'END' },
      allowPrivateNetwork: true,
    });

    const table = await run(['model', 'list']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+MODEL\s+BASE URL\s+LIMITS\s+KEY\n/);
    expect(table.stdout).toContain('Local vLLM');
    expect(table.stdout).toMatch(/2 at once, 600\/min, timeout 5 s\s+set\n/);
    const json = await run(['model', 'list', '--json']);
    expect(JSON.parse(json.stdout).map((c: { name: string }) => c.name)).toEqual(['Local vLLM']);

    const test = await run(['model', 'test', 'Local vLLM']);
    expect(test.code, test.stderr).toBe(0);
    expect(JSON.parse(test.stdout)).toMatchObject({ ok: true, model: 'tiny-1' });
    expect(test.stderr).toMatch(/^ok: tiny-1 answered in \d+ ms/);
    expect(ai.requests.at(-1)!.body).toMatchObject({ temperature: 0.5, stop: 'END' });

    const removed = await run(['model', 'remove', 'Local vLLM']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stderr).toMatch(/removed model connection \d+ \(Local vLLM\)/);
    const again = await run(['model', 'remove', 'Local vLLM']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('no model connection is named or numbered "Local vLLM"');
  });

  it('reports a failed test as a sentence with exit 1, and bad input naming the flag or field', async () => {
    const add = await run(
      [
        'model',
        'add',
        '--name',
        'Wrong key',
        '--base-url',
        ai.baseURL,
        '--model',
        'tiny-1',
        '--api-key-stdin',
        '--allow-private-network',
      ],
      'sk-not-the-key\n',
    );
    expect(add.code, add.stderr).toBe(0);
    const id = JSON.parse(add.stdout).id;
    const test = await run(['model', 'test', String(id)]);
    expect(test.code).toBe(1);
    expect(test.stderr).toContain(
      'failed (unauthorized): model connection "Wrong key": the endpoint refused the API key (HTTP 401)',
    );

    const badParam = await run([
      'model',
      'add',
      '--name',
      'x',
      '--base-url',
      ai.baseURL,
      '--model',
      'm',
      '--param',
      'temperature=9',
    ]);
    expect(badParam.code).toBe(1);
    expect(badParam.stderr).toContain('body.params.temperature');
    const unknown = await run([
      'model',
      'add',
      '--name',
      'x',
      '--base-url',
      ai.baseURL,
      '--model',
      'm',
      '--param',
      'tools=[]',
    ]);
    expect(unknown.stderr).toContain('body.params');
    const noEq = await run([
      'model',
      'add',
      '--name',
      'x',
      '--base-url',
      ai.baseURL,
      '--model',
      'm',
      '--param',
      'temperature',
    ]);
    expect([noEq.code, noEq.stderr]).toEqual([2, expect.stringContaining('--param takes KEY=VALUE')]);
    const url = await run(['model', 'add', '--name', 'x', '--base-url', 'ftp://example.org', '--model', 'm']);
    expect([url.code, url.stderr]).toEqual([
      1,
      expect.stringContaining('body.baseUrl: must be an http or https URL'),
    ]);
    const noKey = await run(
      ['model', 'add', '--name', 'x', '--base-url', ai.baseURL, '--model', 'm', '--api-key-stdin'],
      '',
    );
    expect([noKey.code, noKey.stderr]).toEqual([
      1,
      expect.stringContaining('--api-key-stdin: stdin gave no API key'),
    ]);
    // No flag takes the key.
    const flag = await run([
      'model',
      'add',
      '--name',
      'x',
      '--base-url',
      ai.baseURL,
      '--model',
      'm',
      '--api-key',
      KEY,
    ]);
    expect([flag.code, flag.stderr]).toEqual([2, expect.stringContaining('unknown flag --api-key')]);
    const help = await run(['model', 'add', '--help']);
    expect(help.stdout).toMatch(/never from a flag/);
    expect(help.stdout).toMatch(/flags land in shell history/);
  });

  it('parses --param values as JSON when they are, as text otherwise', () => {
    expect(parseParams(['temperature=0.7', 'stop=["a","b"]', 'seed=3', 'stop_text=a=b'])).toEqual({
      temperature: 0.7,
      stop: ['a', 'b'],
      seed: 3,
      stop_text: 'a=b',
    });
    expect(parseParams(undefined)).toBeUndefined();
  });

  it('never prints the key (every output of these tests but the flag test, which typed it)', () => {
    const shown = outputs
      .filter((o) => !o.stderr.includes('unknown flag --api-key'))
      .flatMap((o, i) => [
        { where: `run ${i} stdout`, text: o.stdout },
        { where: `run ${i} stderr`, text: o.stderr },
      ]);
    expect(shown.length).toBeGreaterThan(10);
    assertNowhere(KEY, shown);
  });
});
