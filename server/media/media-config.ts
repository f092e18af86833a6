import type { S3Settings } from './storage-s3.ts';

/** How media are stored and fetched (docs/media.md); from VERITY_MEDIA_* and VERITY_S3_* by parseMediaEnv. */
export interface MediaConfig {
  store: { kind: 'local' } | { kind: 's3'; s3: S3Settings };
  /** The most bytes one media file may have, uploaded or fetched. */
  maxBytes: number;
  url: UrlPolicy;
}

/** What an import by URL may reach. */
export interface UrlPolicy {
  /** Hosts a URL (and every redirect) may name; empty: any host whose addresses are public. */
  allowedHosts: readonly string[];
  /**
   * Hosts that may resolve to private, loopback or link-local addresses (a media server on the
   * intranet). Exact names only; every other host must resolve to public addresses.
   */
  privateHosts: readonly string[];
  /** The whole fetch, redirects and body included. */
  timeoutMs: number;
  maxRedirects: number;
}

export const MEDIA_ENV = {
  store: 'VERITY_MEDIA_STORE',
  maxBytes: 'VERITY_MEDIA_MAX_BYTES',
  urlHosts: 'VERITY_MEDIA_URL_HOSTS',
  urlPrivateHosts: 'VERITY_MEDIA_URL_PRIVATE_HOSTS',
  urlTimeout: 'VERITY_MEDIA_URL_TIMEOUT_SECONDS',
  s3Bucket: 'VERITY_S3_BUCKET',
  s3Region: 'VERITY_S3_REGION',
  s3Endpoint: 'VERITY_S3_ENDPOINT',
  s3PathStyle: 'VERITY_S3_FORCE_PATH_STYLE',
  s3AccessKey: 'VERITY_S3_ACCESS_KEY_ID',
  s3SecretKey: 'VERITY_S3_SECRET_ACCESS_KEY',
  s3Prefix: 'VERITY_S3_PREFIX',
} as const;

/** 2 GiB: a few hours of 16-bit stereo WAV at 44.1 kHz, or a long compressed video. */
export const DEFAULT_MEDIA_MAX_BYTES = 2 * 1024 ** 3;

export const defaultMediaConfig = (): MediaConfig => ({
  store: { kind: 'local' },
  maxBytes: DEFAULT_MEDIA_MAX_BYTES,
  url: { allowedHosts: [], privateHosts: [], timeoutMs: 60_000, maxRedirects: 5 },
});

const list = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '' && h !== '*');

const positive = (env: NodeJS.ProcessEnv, name: string): number | undefined => {
  const text = env[name]?.trim();
  if (!text) return undefined;
  if (!/^[1-9][0-9]{0,15}$/.test(text))
    throw new Error(`${name}: write a whole number above 0, not "${text}"`);
  return Number(text);
};

/** The media settings in `env`; throws a sentence naming the variable (never repeating a secret). */
export function parseMediaEnv(env: NodeJS.ProcessEnv): MediaConfig {
  const config = defaultMediaConfig();
  config.maxBytes = positive(env, MEDIA_ENV.maxBytes) ?? config.maxBytes;
  const timeout = positive(env, MEDIA_ENV.urlTimeout);
  config.url = {
    ...config.url,
    allowedHosts: list(env[MEDIA_ENV.urlHosts]),
    privateHosts: list(env[MEDIA_ENV.urlPrivateHosts]),
    ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
  };
  const kind = env[MEDIA_ENV.store]?.trim() || 'local';
  if (kind === 'local') return config;
  if (kind !== 's3') throw new Error(`${MEDIA_ENV.store}: write local or s3, not "${kind}"`);
  const bucket = env[MEDIA_ENV.s3Bucket]?.trim();
  if (!bucket) throw new Error(`${MEDIA_ENV.store}=s3 needs ${MEDIA_ENV.s3Bucket}`);
  const endpoint = env[MEDIA_ENV.s3Endpoint]?.trim() || undefined;
  if (endpoint && !/^https?:\/\//.test(endpoint))
    throw new Error(`${MEDIA_ENV.s3Endpoint}: write an http(s) URL, not "${endpoint}"`);
  const accessKeyId = env[MEDIA_ENV.s3AccessKey]?.trim();
  const secretAccessKey = env[MEDIA_ENV.s3SecretKey];
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    throw new Error(`set both ${MEDIA_ENV.s3AccessKey} and ${MEDIA_ENV.s3SecretKey}, or neither`);
  const pathStyle = env[MEDIA_ENV.s3PathStyle]?.trim();
  if (pathStyle && pathStyle !== '0' && pathStyle !== '1')
    throw new Error(`${MEDIA_ENV.s3PathStyle}: write 1 (on) or 0 (off), not "${pathStyle}"`);
  const prefix = env[MEDIA_ENV.s3Prefix]?.trim() ?? '';
  config.store = {
    kind: 's3',
    s3: {
      bucket,
      region: env[MEDIA_ENV.s3Region]?.trim() || 'us-east-1',
      endpoint,
      forcePathStyle: pathStyle ? pathStyle === '1' : endpoint !== undefined,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
      prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
    },
  };
  return config;
}
