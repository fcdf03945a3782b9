/**
 * @module Loads the demo scenario once. The whole load is one transaction whose first statement
 * claims the `demo` marker: a second server starting at the same time waits on that row, then
 * finds it and does nothing, so the demo is never loaded twice or half.
 */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../adapters/passwords.ts';
import type { Deps } from '../services/deps.ts';
import { writeWithLog } from '../services/write.ts';
import { DEFAULT_RELEASE } from '../domain/policy/force.ts';
import { claimMarker, hasMarker } from '../repositories/meta.ts';
import { insertMission, insertOrganisation } from '../repositories/organisations.ts';
import { insertUser } from '../repositories/users.ts';
import { insertContribution } from '../repositories/contributions.ts';
import { seedCapabilities } from '../capabilities/index.ts';
import { DEMO_CONTRIBUTIONS, DEMO_MISSION, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from './scenario.ts';
import { contributionKind, missionKind, organisationKind, userKind } from '../log/kinds/foundation.ts';

export interface SeedResult {
  loaded: boolean;
  logIndex: number | null;
}

export async function isDemoLoaded(deps: Deps): Promise<boolean> {
  return hasMarker(deps.db, 'demo');
}

export async function seedDemo(deps: Deps): Promise<SeedResult> {
  if (await isDemoLoaded(deps)) return { loaded: false, logIndex: null };
  // Hash outside the transaction: it is the slow part, and PGlite's transaction locks everything.
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  const now = deps.clock.now();
  const written = await writeWithLog(deps, async (tx, record) => {
    if (!(await claimMarker(tx, 'demo', { loadedAt: now.toISOString() }))) return false;

    const missionId = randomUUID();
    const mission = {
      id: missionId,
      name: DEMO_MISSION.name,
      force_ceiling: DEMO_MISSION.forceCeiling,
      approval_quorum: DEMO_MISSION.approvalQuorum,
      created_at: now,
    };
    await insertMission(tx, mission);
    await record({
      kind: 'mission',
      id: missionId,
      version: 1,
      op: 'create',
      at: now,
      actor: null,
      public: missionKind.public(mission),
    });

    const orgIds = new Map<string, string>();
    for (const o of DEMO_ORGANISATIONS) {
      const id = randomUUID();
      orgIds.set(o.name, id);
      const parentId = o.parent ? (orgIds.get(o.parent) ?? null) : null;
      const org = {
        id,
        name: o.name,
        kind: o.kind,
        country: o.country ?? null,
        parent_id: parentId,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await insertOrganisation(tx, org);
      await record({
        kind: 'organisation',
        id,
        version: 1,
        op: 'create',
        at: now,
        actor: null,
        public: organisationKind.public(org),
      });
    }

    const userIds = new Map<string, string>();
    for (const [i, u] of DEMO_USERS.entries()) {
      const id = randomUUID();
      userIds.set(u.email, id);
      const organisationId = orgIds.get(u.organisation)!;
      const user = {
        id,
        email: u.email,
        name: u.name,
        organisation_id: organisationId,
        role: u.role,
        password_hash: hashes[i]!,
        disabled: false,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await insertUser(tx, user);
      await record({
        kind: 'user',
        id,
        version: 1,
        op: 'permission',
        at: now,
        actor: null,
        public: userKind.public(user),
        restricted: userKind.restricted(user),
      });
    }

    const contributionIds: string[] = [];
    for (const c of DEMO_CONTRIBUTIONS) {
      const id = randomUUID();
      contributionIds.push(id);
      const organisationId = orgIds.get(c.organisation)!;
      const contribution = {
        id,
        organisation_id: organisationId,
        kind: c.kind,
        capability: c.capability,
        quantity: c.quantity === null ? null : String(c.quantity),
        unit: c.unit,
        currency: null,
        status: c.status,
        caveats: c.caveats,
        expected_arrival: null,
        note: c.note,
        version: 1,
        created_at: now,
        updated_at: now,
        ...DEFAULT_RELEASE.contribution,
      };
      await insertContribution(tx, contribution);
      await record({
        kind: 'contribution',
        id,
        version: 1,
        op: 'create',
        at: now,
        actor: null,
        ...contributionKind.fields(contribution),
      });
    }
    await seedCapabilities({ tx, record, now, missionId, orgIds, userIds, contributionIds });
    return true;
  });
  return { loaded: written.value, logIndex: written.logIndex };
}
