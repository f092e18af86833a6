import type { ModelErrorKind } from '../../../../core/api/models.ts';

/** What an operator can do about each kind of failed call (docs/models.md says the same). */
export const modelErrorHints: Record<ModelErrorKind, string> = {
  unreachable:
    'Check the base URL and that the model server is running and reachable from the Verity server.',
  timeout:
    'The server took too long: it may be overloaded or the model still loading; raise the timeout or try again.',
  unauthorized: 'Check the API key, or replace it.',
  model_not_found:
    'Check the model name against the server’s list of models, and the base URL’s path (often /v1).',
  rate_limited: 'The server asked to slow down: lower the requests per minute or the concurrency, or wait.',
  server_error: 'The model server failed; look at its own logs, then try again.',
  bad_request: 'The server refused the request: check the default parameters against what it supports.',
  malformed_reply: 'The answer was not an OpenAI-compatible chat completion: check the base URL.',
  schema_mismatch:
    'The model did not answer the JSON asked for; a model with structured-output support is needed.',
  blocked_address: 'If this server is yours, edit the connection and tick “Allow a private network address”.',
};
