/**
 * @module Rows to API shapes. Nothing leaves the server without passing a presenter; this is
 * where restricted fields are dropped (password hashes never leave, whatever the role).
 */
import type { z } from 'zod';
import type { Organisation, Session, User } from '../contract/accounts.ts';
import type { OrganisationRow } from '../repositories/organisations.ts';
import type { PrincipalRow, UserRow } from '../repositories/users.ts';

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

export function presentSession(p: PrincipalRow, csrfToken: string): z.infer<typeof Session> {
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
  };
}
