/**
 * @module Accounts: sessions, users, API tokens, organisations, the mission.
 */
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH, ORG_KINDS, ROLES } from './enums.ts';
import { LogIndex, Name, Uuid } from './common.ts';

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const Password = z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(1024);
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as FR');

export const SignInRequest = z.strictObject({ email: Email, password: z.string().min(1).max(1024) });

export const SessionUser = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  organisationId: Uuid,
  organisationName: z.string(),
});
export const Session = z.object({ user: SessionUser, csrfToken: z.string() });
export type Session = z.infer<typeof Session>;

/** Whether the browser's cookie names a live session: an ordinary answer either way (no 401 to log). */
export const SessionStatus = z.object({ signedIn: z.boolean(), session: Session.nullable() });
export type SessionStatus = z.infer<typeof SessionStatus>;

export const Organisation = z.object({
  id: Uuid,
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  country: z.string().nullable(),
  parentId: Uuid.nullable(),
  version: z.number().int(),
});
export type Organisation = z.infer<typeof Organisation>;

export const CreateOrganisation = z
  .strictObject({
    name: Name,
    kind: z.enum(ORG_KINDS),
    country: CountryCode.optional(),
    parentId: Uuid.optional(),
  })
  .refine((o) => o.kind !== 'state' || o.country !== undefined, {
    path: ['country'],
    message: 'a state needs its ISO 3166 country code',
  });

export const OrganisationWritten = Organisation.extend({ logIndex: LogIndex });

export const User = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  organisationId: Uuid,
  role: z.enum(ROLES),
  disabled: z.boolean(),
  version: z.number().int(),
});
export type User = z.infer<typeof User>;

export const CreateUser = z.strictObject({
  email: Email,
  name: Name,
  organisationId: Uuid,
  role: z.enum(ROLES),
  password: Password,
});

export const UpdateUser = z
  .strictObject({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional() })
  .refine((u) => u.role !== undefined || u.disabled !== undefined, { message: 'nothing to change' });

export const UserWritten = User.extend({ logIndex: LogIndex });

export const CreateToken = z.strictObject({ label: z.string().trim().max(100).default('') });
export const TokenCreated = z.object({
  id: Uuid,
  token: z.string().describe('shown once; only its hash is stored'),
  logIndex: LogIndex,
});

export const Mission = z.object({
  id: Uuid,
  name: z.string(),
  forceCeiling: z.number().int(),
  approvalQuorum: z.number().int(),
});
