/**
 * @module What a capability is, in one definition: its routes and their handlers, its grants,
 * its record kinds (public and restricted fields, how audit and verify read them), its
 * migrations, its part of the demo and the topics it announces changes under. Each capability
 * exports one (`src/capabilities/<name>/manifest.ts`) and src/capabilities/index.ts lists them;
 * every server registry (handlers, migrations, demo parts, API readers) is derived from that list.
 *
 * Three parts also have a list of their own below the manifests, because the layers under the
 * services need their types and must not import upward: the route table (contract/routes.ts,
 * shared with the web UI), the grants (domain/policy.ts) and the record kinds (log/kinds/index.ts).
 * The manifest names the same objects, and src/capabilities/index.ts checks at compile time that
 * each lower list and the manifests agree.
 */
import type { Migration } from 'kysely';
import type { RouteDef } from '../contract/route.ts';
import type { Role } from '../contract/enums.ts';
import type { Handler } from '../api/handlers/types.ts';
import type { Grant } from '../domain/policy/grant.ts';
import type { AnyRecordKind, ApiRecords } from '../log/kinds/kind.ts';
import type { DemoContext } from '../demo/modules/context.ts';

/** A handler for each route of the table, typed by its route. */
export type HandlersOf<R> = { [Id in keyof R]: R[Id] extends RouteDef ? Handler<R[Id]> : never };

type TopicsOf<R> = {
  [Id in keyof R]: R[Id] extends { produces?: infer O }
    ? O extends { kind: 'sse'; topics: readonly (infer T)[] }
      ? T
      : never
    : never;
}[keyof R];

export interface CapabilityDefinition<
  Name extends string,
  R extends Record<string, RouteDef>,
  A extends string,
  K extends readonly AnyRecordKind[],
> {
  name: Name;
  /** Its part of the route table (contract/routes/<name>.ts), merged in contract/routes.ts. */
  routes: R;
  /** One handler per route: a route without a handler does not compile. */
  handlers: HandlersOf<R>;
  /** Its actions and who holds them (domain/policy/<name>.ts), merged in domain/policy.ts. */
  policy: { actions: readonly A[]; grants: Record<Role, Partial<Record<A, Grant>>> };
  /** Its record kinds (log/kinds/<name>.ts), listed in log/kinds/index.ts. */
  recordKinds: K;
  /** How `truce verify` reads its records through the API, as the account sees them. */
  readers: readonly ApiRecords[];
  /** How `truce verify` reads, without an account, the records it shows the public (if any). */
  publicReaders?: readonly ApiRecords[];
  /**
   * Its migrations by recorded name. Names are what a database remembers: a migration keeps its
   * name for ever (wherever its file lives) and a new one takes the next free number, because
   * all capabilities' migrations run together in name order.
   */
  migrations: Readonly<Record<string, Migration>>;
  /** Its part of the demo scenario, run in the one demo transaction in the order of the capability list. */
  demo?: (ctx: DemoContext) => Promise<void>;
}

export interface Capability<
  Name extends string = string,
  R extends Record<string, RouteDef> = Record<string, RouteDef>,
  A extends string = string,
  K extends readonly AnyRecordKind[] = readonly AnyRecordKind[],
> extends CapabilityDefinition<Name, R, A, K> {
  /** The topics its event streams carry (declared by its routes), under which its services announce changes. */
  topics: readonly TopicsOf<R>[];
}

export function defineCapability<
  const Name extends string,
  R extends Record<string, RouteDef>,
  A extends string,
  const K extends readonly AnyRecordKind[],
>(def: CapabilityDefinition<Name, R, A, K>): Capability<Name, R, A, K> {
  const topics = Object.values(def.routes).flatMap((r) =>
    r.produces?.kind === 'sse' ? (r.produces.topics as readonly TopicsOf<R>[]) : [],
  );
  return { ...def, topics: [...new Set(topics)] };
}
