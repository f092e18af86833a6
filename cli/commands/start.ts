import { defineCommand, intFlag } from '../command.ts';
import { storeConfig, storeFlags } from '../config.ts';
import { CliError, UsageError } from '../errors.ts';

type ServerEntry = typeof import('../../server/main.ts');

/**
 * Who stands in front of the server (trusted proxies, the public URL), the single sign-on
 * provider (VERITY_OIDC_*, docs/sso.md) and the media storage (VERITY_MEDIA_*, VERITY_S3_*,
 * docs/media.md), checked before start.
 */
function networkSettings(
  server: ServerEntry,
  env: NodeJS.ProcessEnv,
): {
  trustedProxies: string[];
  publicOrigin: string | null;
  sso: ReturnType<ServerEntry['parseSsoEnv']>;
  media: ReturnType<ServerEntry['parseMediaEnv']>;
} {
  if (env.VERITY_TRUST_PROXY !== undefined) throw new UsageError(server.OLD_TRUST_PROXY_MESSAGE);
  try {
    return {
      trustedProxies: server.parseTrustedProxies(env.VERITY_TRUSTED_PROXIES),
      publicOrigin: env.VERITY_PUBLIC_URL ? server.parsePublicUrl(env.VERITY_PUBLIC_URL) : null,
      sso: server.parseSsoEnv(env),
      media: server.parseMediaEnv(env),
    };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export const start = defineCommand({
  path: ['start'],
  summary: 'Run the server (JSON logs on stdout; stops cleanly on Ctrl-C or SIGTERM)',
  flags: {
    port: { type: 'string', value: 'PORT', help: 'port to listen on (env PORT, default 8080)' },
    host: {
      type: 'string',
      value: 'HOST',
      help: 'address to bind (env VERITY_HOST, default 127.0.0.1: this machine only)',
    },
    ...storeFlags,
  },
  async run({ values }) {
    const port = intFlag(values.port ?? process.env.PORT ?? '8080', 'port')!;
    if (port < 0 || port > 65535) throw new UsageError(`--port must be between 0 and 65535, not ${port}`);
    const server: ServerEntry = await import('../../server/main.ts');
    const host = values.host ?? process.env.VERITY_HOST ?? '127.0.0.1';
    const running = await server
      .startServer({
        ...storeConfig(values),
        ...networkSettings(server, process.env),
        port,
        host,
        logLevel: process.env.VERITY_LOG_LEVEL || 'info',
      })
      .catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'EADDRINUSE')
          throw new CliError(`${host}:${port} is already in use; pick another --port`);
        if (err.code === 'EACCES') throw new CliError(`no permission to listen on ${host}:${port}`);
        throw err;
      });
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      const stop = (sig: NodeJS.Signals) => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve(sig);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    running.verity.app.log.info({ signal }, 'shutting down');
    await running.close();
    return 0;
  },
});
