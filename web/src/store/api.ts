/**
 * @module The one API client of the web UI. The session cookie is HttpOnly; the CSRF token that
 * goes with it is held here, in memory only, and sent on every unsafe request.
 */
import { createClient } from '../../../src/contract/client.ts';

let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export const api = createClient({ baseUrl: '', csrfToken: () => csrfToken });
