/**
 * @module A real HTTP server on 127.0.0.1 (random port) over a test database, in-process, plus
 * helpers to sign in as demo users.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type AppOptions } from '../../src/api/app.ts';
import type { Deps } from '../../src/services/deps.ts';
import { createClient, type ApiClient } from '../../src/contract/client.ts';
import { DEMO_PASSWORD } from '../../src/demo/scenario.ts';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** Serves any fetch handler (an app, a witness, a stub) on 127.0.0.1, on a free port. */
export async function listen(fetchFn: (req: Request) => Response | Promise<Response>): Promise<TestServer> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: fetchFn, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The API over `deps`; `extra` mounts more (e.g. the transparency log's /log routes); `limits`
 * replaces the default request limits (tests of the limits themselves).
 */
export function startTestServer(
  deps: Deps,
  extra?: AppOptions['extra'],
  limits?: AppOptions['limits'],
): Promise<TestServer> {
  return listen(
    createApp(deps, { version: 'test', secureCookies: false, webDir: path.resolve('dist/web'), extra, limits }).fetch,
  );
}

export interface SignedInClient {
  client: ApiClient;
  cookie: string;
  csrfToken: string;
}

/** Signs in through the API like the browser does, returning a client that sends the cookie. */
export async function signInAs(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<SignedInClient> {
  const post = () =>
    fetch(`${baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  let res = await post();
  // Tests sign several accounts in at once; like any client, retry when the server's password
  // checks are all busy (429 with Retry-After), a few times at most.
  for (
    let tries = 0;
    res.status === 429 && /too many passwords/.test(await res.clone().text()) && tries < 20;
    tries++
  ) {
    await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
    res = await post();
  }
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const client = createClient({
    baseUrl,
    csrfToken: () => csrfToken,
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
  });
  return { client, cookie, csrfToken };
}
