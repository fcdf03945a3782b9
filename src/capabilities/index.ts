/**
 * @module THE list of capabilities, one line each, in dependency order: a capability's demo part
 * may use what an earlier one's created (sectors before plans and reports). Every server registry
 * is derived from it: the handler of each route, the migrations, the demo parts, the topics and
 * how `truce verify` reads records. The lists below the services (routes, grants, record kinds)
 * are checked against it at compile time (see ./define.ts for why they exist).
 */
import type { Migration } from 'kysely';
import type { Handlers } from '../api/handlers/types.ts';
import type { Action } from '../domain/policy.ts';
import type { RecordKind } from '../log/kinds/index.ts';
import type { Topic } from '../contract/routes.ts';
import type { ApiRecords } from '../log/kinds/kind.ts';
import type { DemoContext } from '../demo/modules/context.ts';
import { foundationCapability } from './foundation/manifest.ts';
import { geoCapability } from './geo/manifest.ts';
import { forceCapability } from './force/manifest.ts';
import { monitoringCapability } from './monitoring/manifest.ts';
import { complianceCapability } from './compliance/manifest.ts';
import { consentCapability } from './consent/manifest.ts';

export const capabilities = [
  foundationCapability,
  geoCapability,
  forceCapability,
  monitoringCapability,
  complianceCapability,
  consentCapability,
] as const;

type Listed = (typeof capabilities)[number];
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Compile-time agreement of the lists below the services with the manifests: a capability
// missing from one of them (or a kind, an action or a topic missing from its manifest) fails here.
const kindsAgree: Same<Listed['recordKinds'][number]['kind'], RecordKind> = true;
const actionsAgree: Same<Listed['policy']['actions'][number], Action> = true;
const topicsAgree: Same<Listed['topics'][number], Topic> = true;
void [kindsAgree, actionsAgree, topicsAgree];

/** Every route's handler (the log's routes are mounted apart, by the process holding its key). */
export const handlers: Handlers = merge<unknown>(capabilities.map((c) => c.handlers)) as Intersection<
  Listed['handlers']
>;

/** Every migration by its recorded name; Kysely runs them in name order. */
export const migrations: Readonly<Record<string, Migration>> = merge(capabilities.map((c) => c.migrations));

/** Each capability's part of the demo, in list order, inside the demo's one transaction. */
export async function seedCapabilities(ctx: DemoContext): Promise<void> {
  for (const c of capabilities) if (c.demo) await c.demo(ctx);
}

/** How `truce verify` reads every capability's records through the API. */
export const API_READERS: readonly ApiRecords[] = capabilities.flatMap((c) => c.readers);

/** How `truce verify` reads, without an account, what every capability shows the public. */
export const PUBLIC_READERS: readonly ApiRecords[] = capabilities.flatMap((c) => c.publicReaders ?? []);

/** The topics live change notifications are announced under. */
export const TOPICS: readonly Topic[] = capabilities.flatMap((c) => c.topics);

/** One object from parts whose keys must not overlap (a route or migration named twice is a mistake). */
function merge<V>(parts: readonly Readonly<Record<string, V>>[]): Record<string, V> {
  const out: Record<string, V> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key in out) throw new Error(`${key} is defined by two capabilities`);
      out[key] = value;
    }
  }
  return out;
}
