/**
 * @module Organisations, users and API tokens. Role changes and new accounts are permission
 * changes: each is a record change in the verifiable log (names and emails only as commitments).
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CreateOrganisation, CreateUser, UpdateUser } from '../contract/accounts.ts';
import { authorize, grantOf, type Actor } from '../domain/policy.ts';
import { hashPassword } from '../adapters/passwords.ts';
import {
  findOrganisation,
  insertOrganisation,
  listOrganisations,
  type OrganisationRow,
} from '../repositories/organisations.ts';
import {
  findPrincipalByEmail,
  findUserForUpdate,
  insertUser,
  listUsers,
  updateUserAccess,
  type UserRow,
} from '../repositories/users.ts';
import { deleteSessionsOf } from '../repositories/sessions.ts';
import type { Deps } from './deps.ts';
import { conflict, invalid } from './errors.ts';
import { writeVersioned, writeWithLog, type Written } from './write.ts';
import { organisationKind, userKind } from '../log/kinds/foundation.ts';

export async function organisations(deps: Deps, actor: Actor | null): Promise<OrganisationRow[]> {
  authorize(actor, 'organisation.read');
  return listOrganisations(deps.db);
}

export async function createOrganisation(
  deps: Deps,
  actor: Actor | null,
  input: z.output<typeof CreateOrganisation>,
): Promise<Written<OrganisationRow>> {
  authorize(actor, 'organisation.create');
  if (await findOrganisation(deps.db, input.name))
    throw conflict(`an organisation named "${input.name}" exists already`);
  if (input.parentId && !(await findOrganisation(deps.db, input.parentId))) {
    throw invalid([{ path: 'parentId', message: 'no such organisation' }]);
  }
  const now = deps.clock.now();
  const row: OrganisationRow = {
    id: randomUUID(),
    name: input.name,
    kind: input.kind,
    country: input.country ?? null,
    parent_id: input.parentId ?? null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  return writeWithLog(deps, async (tx, record) => {
    await insertOrganisation(tx, row);
    await record({
      kind: 'organisation',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      public: organisationKind.public(row),
    });
    return row;
  });
}

export async function users(deps: Deps, actor: Actor | null): Promise<UserRow[]> {
  // Listing: allowed on one's own organisation at least; an 'own' grant then filters to it.
  authorize(actor, 'user.read', actor ? { organisationId: actor.organisationId } : {});
  const own = actor && grantOf(actor, 'user.read') === 'own' ? actor.organisationId : undefined;
  return listUsers(deps.db, own);
}

export async function createUser(
  deps: Deps,
  actor: Actor | null,
  input: z.output<typeof CreateUser>,
): Promise<Written<UserRow>> {
  authorize(actor, 'user.create', { organisationId: input.organisationId });
  const org = await findOrganisation(deps.db, input.organisationId);
  if (!org) throw invalid([{ path: 'organisationId', message: 'no such organisation' }]);
  if (await findPrincipalByEmail(deps.db, input.email))
    throw conflict(`an account with email ${input.email} exists already`);
  const now = deps.clock.now();
  const row: UserRow = {
    id: randomUUID(),
    email: input.email,
    name: input.name,
    organisation_id: org.id,
    role: input.role,
    password_hash: await hashPassword(input.password),
    disabled: false,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  return writeWithLog(deps, async (tx, record) => {
    await insertUser(tx, row);
    await record({
      kind: 'user',
      id: row.id,
      version: 1,
      op: 'permission',
      at: now,
      actor,
      public: userKind.public(row),
      restricted: userKind.restricted(row),
    });
    return row;
  });
}

export async function updateUser(
  deps: Deps,
  actor: Actor | null,
  id: string,
  input: z.output<typeof UpdateUser>,
): Promise<Written<UserRow>> {
  authorize(actor, 'user.update');
  const now = deps.clock.now();
  return writeVersioned(deps, {
    kind: userKind,
    what: 'user',
    id,
    seen: undefined,
    lock: findUserForUpdate,
    next: (current) => ({
      ...current,
      role: input.role ?? current.role,
      disabled: input.disabled ?? current.disabled,
      updated_at: now,
    }),
    save: async (tx, next) => {
      await updateUserAccess(tx, id, {
        role: next.role,
        disabled: next.disabled,
        version: next.version,
        updated_at: now,
      });
      // A disabled account is signed out everywhere, in the same transaction.
      if (next.disabled) await deleteSessionsOf(tx, id);
    },
    op: 'permission',
    at: now,
    actor,
  });
}
