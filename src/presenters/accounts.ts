/**
 * @module Rows to API shapes. Nothing leaves the server without passing a presenter; this is
 * where restricted fields are dropped (password hashes never leave, whatever the role).
 */
import type { z } from 'zod';
import type { ApiToken, Organisation, Session, User } from '../contract/accounts.ts';
import type { ApiTokenRow } from '../repositories/api-tokens.ts';
import type { OrganisationRow } from '../repositories/organisations.ts';
import type { PrincipalRow, UserRow } from '../repositories/users.ts';
import type { Actor } from '../domain/policy.ts';
import { sessionAbilities } from './abilities.ts';

export function presentOrganisation(o: OrganisationRow): Organisation {
  return { id: o.id, name: o.name, kind: o.kind, country: o.country, parentId: o.parent_id, version: o.version };
}

export function presentUser(u: UserRow): User {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    organisationId: u.organisation_id,
    role: u.role,
    disabled: u.disabled,
    version: u.version,
  };
}

export function presentSession(p: PrincipalRow, csrfToken: string, actor: Actor): z.infer<typeof Session> {
  return {
    user: {
      id: p.id,
      email: p.email,
      name: p.name,
      role: p.role,
      organisationId: p.organisation_id,
      organisationName: p.organisation_name,
    },
    csrfToken,
    abilities: sessionAbilities(actor),
  };
}

const iso = (d: Date | string): string => new Date(d).toISOString();

/** A token as its owner (or an admin) sees it: never its secret nor its hash. */
export function presentApiToken(t: ApiTokenRow, now: Date): ApiToken {
  const status = t.revoked_at !== null ? 'revoked' : new Date(t.expires_at) <= now ? 'expired' : 'active';
  return {
    id: t.id,
    userId: t.user_id,
    label: t.label,
    createdAt: iso(t.created_at),
    expiresAt: iso(t.expires_at),
    lastUsedAt: t.last_used_at === null ? null : iso(t.last_used_at),
    revokedAt: t.revoked_at === null ? null : iso(t.revoked_at),
    status,
    version: t.version,
  };
}
