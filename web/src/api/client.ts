import { createApiClient } from '../../../core/api/client.ts';

let csrfToken = '';
/** The session's CSRF token, echoed on every write (set after sign-in and by /api/auth/me). */
export const setCsrfToken = (token: string): void => {
  csrfToken = token;
};
/** For requests the typed client cannot make, such as uploads with progress (XMLHttpRequest). */
export const getCsrfToken = (): string => csrfToken;

/**
 * The app's client of the shared contract (core/api/client.ts): same-origin requests that the
 * session cookie authenticates, with the CSRF token on every write.
 */
export const api = createApiClient({
  baseUrl: '',
  fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }),
  headers: (method): Record<string, string> => (method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
});

export const { call } = api;
