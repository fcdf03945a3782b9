/**
 * @module Record kinds of the foundation (mission, organisations, users, API tokens,
 * contributions): what each log entry publishes, what it commits, and how `truce audit` reads them.
 */
import type { Selectable } from 'kysely';
import type { ApiTokenTable, ContributionTable, MissionTable, OrganisationTable, UserTable } from '../../db/schema.ts';
import { allRows } from '../../repositories/audit.ts';
import { defineRecordKind } from './kind.ts';

export const missionKind = defineRecordKind({
  kind: 'mission',
  public: (m: Pick<Selectable<MissionTable>, 'id' | 'name' | 'force_ceiling' | 'approval_quorum'>) => ({
    name: m.name,
    forceCeiling: m.force_ceiling,
    approvalQuorum: m.approval_quorum,
  }),
  // A mission is written once (by the demo or the operator): always version 1.
  audit: { rows: (db) => allRows(db, 'missions'), version: () => 1 },
});

export const organisationKind = defineRecordKind({
  kind: 'organisation',
  public: (o: Selectable<OrganisationTable>) => ({
    name: o.name,
    kind: o.kind,
    country: o.country,
    parentId: o.parent_id,
  }),
  audit: { rows: (db) => allRows(db, 'organisations') },
});

export const userKind = defineRecordKind({
  kind: 'user',
  public: (u: Selectable<UserTable>) => ({
    organisationId: u.organisation_id,
    role: u.role,
    disabled: u.disabled,
  }),
  restricted: (u) => ({ email: u.email, name: u.name }),
  audit: { rows: (db) => allRows(db, 'users') },
});

/**
 * A contribution may be made mission-only at any time, so its entries publish the levels only
 * and commit the rest (see ./force.ts for why force records are published this way).
 */
export const contributionKind = defineRecordKind({
  kind: 'contribution',
  public: (c: Selectable<ContributionTable>) => ({
    releasability: c.releasability,
    detailReleasability: c.detail_releasability,
  }),
  restricted: (c) => ({
    organisationId: c.organisation_id,
    kind: c.kind,
    capability: c.capability,
    quantity: c.quantity === null ? null : Number(c.quantity),
    unit: c.unit,
    currency: c.currency,
    status: c.status,
    caveats: c.caveats,
    expectedArrival: c.expected_arrival,
    note: c.note,
  }),
  audit: { rows: (db) => allRows(db, 'contributions') },
});

/**
 * A token's lifetime is a permission fact; its owner (an account id) and its free-text label are
 * restricted. `truce audit` does not compare tokens with their leaves (it never has): no `audit`.
 */
export const apiTokenKind = defineRecordKind({
  kind: 'api_token',
  public: (t: Selectable<ApiTokenTable>) => ({
    expiresAt: new Date(t.expires_at).toISOString(),
    revokedAt: t.revoked_at === null ? null : new Date(t.revoked_at).toISOString(),
  }),
  restricted: (t) => ({ label: t.label, userId: t.user_id }),
});

/** In the order `truce audit` reads them. */
export const foundationKinds = [missionKind, organisationKind, userKind, contributionKind, apiTokenKind] as const;
