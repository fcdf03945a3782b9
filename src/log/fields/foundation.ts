/**
 * @module What of each record kind is public in the log, from its database row. Services use
 * these when they append a change, and `truce audit` uses the same functions to compare every
 * row with its latest leaf, so the two can never drift apart.
 */
import type { Selectable } from 'kysely';
import type { ApiTokenTable, ContributionTable, MissionTable, OrganisationTable, UserTable } from '../../db/schema.ts';
import type { JsonValue } from '../change-payload.ts';
import { forcePublicFields } from './force.ts';

type Fields = Record<string, JsonValue>;

export const publicFields = {
  mission: (m: Selectable<MissionTable>): Fields => ({
    name: m.name,
    forceCeiling: m.force_ceiling,
    approvalQuorum: m.approval_quorum,
  }),
  organisation: (o: Selectable<OrganisationTable>): Fields => ({
    name: o.name,
    kind: o.kind,
    country: o.country,
    parentId: o.parent_id,
  }),
  user: (u: Selectable<UserTable>): Fields => ({
    organisationId: u.organisation_id,
    role: u.role,
    disabled: u.disabled,
  }),
  /** A token's lifetime is a permission fact; its owner (an account id) and its free-text label are restricted. */
  apiToken: (t: Selectable<ApiTokenTable>): Fields => ({
    expiresAt: new Date(t.expires_at).toISOString(),
    revokedAt: t.revoked_at === null ? null : new Date(t.revoked_at).toISOString(),
  }),
  /** Levels only: see ./force.ts (a contribution may be made mission-only at any time). */
  contribution: (c: Selectable<ContributionTable>): Fields => forcePublicFields.contribution(c),
};

/** Restricted fields: only their salted commitments enter the log. */
export const restrictedFields = {
  user: (u: Selectable<UserTable>): Fields => ({ email: u.email, name: u.name }),
  apiToken: (t: Selectable<ApiTokenTable>): Fields => ({ label: t.label, userId: t.user_id }),
};
