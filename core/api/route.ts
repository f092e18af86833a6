import type { z } from 'zod';

/**
 * One HTTP operation, described once. The server registers a handler per operationId and
 * validates against these schemas; the OpenAPI document and the typed client derive from them.
 */
export interface RouteDef {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI-style path: /api/projects/{projectId} */
  path: string;
  summary: string;
  tag: string;
  /** `public` needs no caller; every other route needs a signed-in, active user. */
  auth: 'public' | 'user';
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** `stream`: the body is JSONL or CSV read as a stream, never held whole. */
  bodyKind?: 'json' | 'stream';
  /** The most bytes a JSON body may have (default `bodyLimits.standard`); streamed bodies have none. */
  bodyLimit?: number;
  response: z.ZodType | null;
  /**
   * `jsonl`: a stream of JSON lines; `csv`: a CSV document (text/csv), sent as an attachment;
   * `file`: a stream of JSON lines or CSV, as the request asks (the export's `format`);
   * `redirect`: a redirect (the `status`, 303 by default) a browser follows, for sign-in with a provider;
   * `media`: a media file's bytes (200, or 206 for a range), with the headers of docs/media.md.
   */
  responseKind?: 'json' | 'jsonl' | 'csv' | 'file' | 'redirect' | 'media';
  /** For a `jsonl` answer: the schema of each line (the OpenAPI document describes it). */
  lines?: z.ZodType;
  /** Success status; 204 routes have response null. */
  status?: 200 | 201 | 202 | 204 | 303;
  /** The route may also answer 204 when there is nothing to return. */
  mayBeEmpty?: boolean;
}

export const route = <const R extends RouteDef>(r: R): R => r;

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Request body limits in bytes (docs/security.md): small unless a route's fields need more. A body
 * over its route's limit is refused with PAYLOAD_TOO_LARGE, by its Content-Length before a byte is
 * read, or as soon as a streamed (chunked) body passes it.
 */
export const bodyLimits = {
  /**
   * Sign-in and password reset: an email (or a reset token) and a password of at most 1024
   * characters, even each as a 6-byte \u escape.
   */
  signIn: 8 * KiB,
  /** Password change: two such passwords; the first-run setup: a token, email, name and password. */
  passwords: 16 * KiB,
  /** A bulk action on items: up to 10,000 ids of up to 16 digits each. */
  itemIds: 256 * KiB,
  /** Every other JSON route unless it says otherwise. */
  standard: 64 * KiB,
  /** Project settings (guidelines up to 1,000,000 characters, the interface) and answers (drafts, submits). */
  large: 8 * MiB,
} as const;

/** 8192 → "8 KiB", 8388608 → "8 MiB": how limits read in messages and the OpenAPI document. */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= KiB && bytes % KiB === 0) return `${bytes / KiB} KiB`;
  return `${bytes} bytes`;
}
