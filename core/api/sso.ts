import { z } from 'zod';

/** What the sign-in page needs to know: whether to offer "Sign in with <label>". */
export const SsoInfo = z
  .object({
    enabled: z.boolean().describe('true when the server is configured for single sign-on (docs/sso.md)'),
    label: z
      .string()
      .nullable()
      .describe('the provider\'s name on the sign-in button ("Sign in with <label>"); null when off'),
  })
  .meta({ id: 'SsoInfo' });

export const SsoStartQuery = z.object({
  returnTo: z
    .string()
    .max(2000)
    .optional()
    .describe('a path of this site to land on after signing in (default /); anything else is ignored'),
});

/** The provider's answer, as it redirects the browser back (OpenID Connect Core 3.1.2.5–6, RFC 9207). */
export const SsoCallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(1024).optional(),
  iss: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});
