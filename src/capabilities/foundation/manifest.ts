/**
 * @module The foundation: the mission, organisations, accounts, sessions, API tokens,
 * contributions, the record of changes and the log's own storage. Its demo part is the core
 * scenario itself (src/demo/seed.ts), which runs before every capability's part.
 */
import { defineCapability } from '../define.ts';
import { foundationRoutes } from '../../contract/routes/foundation.ts';
import { sessionHandlers } from '../../api/handlers/session.ts';
import { accountHandlers } from '../../api/handlers/accounts.ts';
import { contributionHandlers } from '../../api/handlers/contributions.ts';
import { logHandlers } from '../../api/handlers/log.ts';
import { FOUNDATION_ACTIONS, FOUNDATION_GRANTS } from '../../domain/policy/foundation.ts';
import { foundationKinds } from '../../log/kinds/foundation.ts';
import { foundationApiRecords } from '../../log/readers/foundation.ts';
import * as m001 from '../../db/migrations/001-foundation.ts';
import * as m002 from '../../db/migrations/002-log.ts';
import * as m007 from '../../db/migrations/007-witnessing.ts';
import * as m008 from '../../db/migrations/008-sign-in-and-tokens.ts';
import * as m009 from '../../db/migrations/009-leaf-v2.ts';

export const foundationCapability = defineCapability({
  name: 'foundation',
  routes: foundationRoutes,
  handlers: { ...sessionHandlers, ...accountHandlers, ...contributionHandlers, ...logHandlers },
  policy: { actions: FOUNDATION_ACTIONS, grants: FOUNDATION_GRANTS },
  recordKinds: foundationKinds,
  readers: foundationApiRecords,
  migrations: {
    '001-foundation': m001,
    '002-log': m002,
    '007-witnessing': m007,
    '008-sign-in-and-tokens': m008,
    '009-leaf-v2': m009,
  },
});
