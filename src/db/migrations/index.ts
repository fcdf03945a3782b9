/**
 * @module The ordered list of migrations. Names sort in the order they must run; never edit a
 * migration that has shipped, add a new one.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import * as foundation from './001-foundation.ts';
import * as log from './002-log.ts';
import * as geo from './003-geo.ts';
import * as monitoring from './004-monitoring.ts';
import * as force from './005-force.ts';
import * as compliance from './006-compliance.ts';
import * as witnessing from './007-witnessing.ts';
import * as leafV2 from './009-leaf-v2.ts';
import * as rulingReviews from './012-ruling-reviews.ts';
import * as signInAndTokens from './008-sign-in-and-tokens.ts';
import * as releasability from './011-releasability.ts';
import * as coarseLocations from './014-coarse-locations.ts';
import * as reportImports from './015-report-imports.ts';
import * as consent from '../../capabilities/consent/migrations/016-consent.ts';
import * as partyKeys from '../../capabilities/consent/migrations/017-party-keys.ts';
import * as meetings from '../../capabilities/consent/migrations/018-meetings.ts';

const MIGRATIONS: Record<string, Migration> = {
  '001-foundation': foundation,
  '002-log': log,
  '003-geo': geo,
  '004-monitoring': monitoring,
  '005-force': force,
  '006-compliance': compliance,
  '007-witnessing': witnessing,
  '009-leaf-v2': leafV2,
  '012-ruling-reviews': rulingReviews,
  '008-sign-in-and-tokens': signInAndTokens,
  '011-releasability': releasability,
  '014-coarse-locations': coarseLocations,
  // 015, not 010: a database already at 014 must upgrade (migrations run in name order)
  '015-report-imports': reportImports,
  '016-consent': consent,
  '017-party-keys': partyKeys,
  '018-meetings': meetings,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

export type AnyDb = Kysely<unknown>;
