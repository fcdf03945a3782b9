/**
 * @module The set-up most integration files share: a fresh database on the runner's engine,
 * its Deps, optionally the demo scenario, and the API on 127.0.0.1; one `close` undoes it all.
 */
import type { Clock } from '../../src/adapters/clock.ts';
import type { AppOptions } from '../../src/api/app.ts';
import type { Actor } from '../../src/domain/policy.ts';
import type { Deps } from '../../src/services/deps.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { findPrincipalByEmail } from '../../src/repositories/users.ts';
import { actorOfPrincipal } from '../../src/services/sessions.ts';
import { openTestDatabase, testDeps, type TestDatabase } from './db.ts';
import { startTestServer, type TestServer } from './server.ts';

export interface TestApi {
  tdb: TestDatabase;
  deps: Deps;
  server: TestServer;
  close(): Promise<void>;
}

export interface TestApiOptions {
  /** Load the demo scenario first (default true: most files read its sectors and lines). */
  demo?: boolean;
  clock?: Clock;
  extra?: AppOptions['extra'];
}

export async function openTestApi(opts: TestApiOptions = {}): Promise<TestApi> {
  const tdb = await openTestDatabase();
  const deps = testDeps(tdb.database, opts.clock);
  if (opts.demo !== false) await seedDemo(deps);
  const server = await startTestServer(deps, opts.extra);
  return {
    tdb,
    deps,
    server,
    close: async () => {
      await server.close();
      await deps.events.close();
      await tdb.close();
    },
  };
}

/** The actor of an existing account (a demo identity a test names on purpose), as if signed in. */
export async function actorOf(deps: Deps, email: string): Promise<Actor> {
  const p = await findPrincipalByEmail(deps.db, email);
  if (!p) throw new Error(`no account ${email}`);
  return actorOfPrincipal(p, 'session');
}
