import { describe, expect, it } from 'vitest';
import { localCommand, shellQuote } from './command-line.ts';

describe('shellQuote', () => {
  it('leaves plain words bare and single-quotes anything a shell would read otherwise', () => {
    expect(shellQuote('/srv/verity-data')).toBe('/srv/verity-data');
    expect(shellQuote('/home/ada/my data')).toBe("'/home/ada/my data'");
    expect(shellQuote("it's $HOME; `x`")).toBe(`'it'\\''s $HOME; \`x\`'`);
  });
});

describe('localCommand', () => {
  it('names the data folder of an SQLite store', () => {
    expect(localCommand({ dataDir: '/a b' }, 'token create --email x@y.org')).toEqual({
      command: "npx verity token create --email x@y.org --data '/a b'",
      needs: [],
    });
  });

  it('names a PostgreSQL store by its URL, never printing its password', () => {
    const r = localCommand(
      { dataDir: '/d', databaseUrl: 'postgres://verity:s3cret@db:5432/verity', secretFromEnv: true },
      'user list',
    );
    expect(r.command).toBe('DATABASE_URL=postgres://verity:PASSWORD@db:5432/verity npx verity user list');
    expect(r.command).not.toContain('s3cret');
    expect(r.needs).toEqual([
      'put the database password in place of PASSWORD',
      'run it with VERITY_SECRET set as for this server',
    ]);
  });
});
