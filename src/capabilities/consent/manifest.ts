/** @module Consent: decisions that need named parties' agreement, their answers, and what lacks consent in the plan. */
import { defineCapability } from '../define.ts';
import { consentRoutes } from './contract/routes.ts';
import { consentHandlers } from './handlers/consent.ts';
import { CONSENT_ACTIONS, CONSENT_GRANTS } from './domain/policy.ts';
import { consentKinds } from './log/kinds.ts';
import { consentApiRecords } from './log/readers.ts';
import * as m016 from './migrations/016-consent.ts';
import * as m017 from './migrations/017-party-keys.ts';
import * as m018 from './migrations/018-meetings.ts';
import * as m023 from './migrations/023-decision-added-orgs.ts';
import { seedConsent } from './demo/seed.ts';

export const consentCapability = defineCapability({
  name: 'consent',
  routes: consentRoutes,
  handlers: consentHandlers,
  policy: { actions: CONSENT_ACTIONS, grants: CONSENT_GRANTS },
  recordKinds: consentKinds,
  readers: consentApiRecords,
  migrations: { '016-consent': m016, '017-party-keys': m017, '018-meetings': m018, '023-decision-added-orgs': m023 },
  demo: seedConsent,
});
