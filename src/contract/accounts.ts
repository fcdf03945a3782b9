/**
 * @module Accounts: sessions, users, API tokens, organisations, the mission.
 */
import { z } from 'zod';
import { SessionAbilities } from './abilities.ts';
import { MIN_PASSWORD_LENGTH, ORG_KINDS, ROLES } from './enums.ts';
import { LogIndex, Name, Text, Uuid } from './common.ts';

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024);
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
/** `abilities`: what the account may start on its pages (contract/abilities.ts). */
export const Session = z.object({ user: SessionUser, csrfToken: z.string(), abilities: SessionAbilities.optional() });
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

/** Longest lifetime the contract accepts; the operator's TRUCE_TOKEN_MAX_DAYS may be shorter. */
export const MAX_TOKEN_DAYS = 3650;

export const CreateToken = z.strictObject({
  label: Text(100).trim().default('').describe('what the token is for; kept out of the public log (only a commitment)'),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(MAX_TOKEN_DAYS)
    .optional()
    .describe('lifetime in days; default and maximum are set by the operator (TRUCE_TOKEN_DAYS, TRUCE_TOKEN_MAX_DAYS)'),
});
export const TokenCreated = z.object({
  id: Uuid,
  token: z.string().describe('shown once; only its hash is stored'),
  expiresAt: z.string(),
  logIndex: LogIndex,
});

export const TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;

export const ApiToken = z.object({
  id: Uuid,
  userId: Uuid,
  label: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable().describe('to the minute: updated at most once a minute'),
  revokedAt: z.string().nullable(),
  status: z.enum(TOKEN_STATUSES),
  version: z.number().int(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const ListTokensQuery = z.strictObject({
  scope: z.enum(['own', 'all']).default('own').describe("'all' (admins): every account's tokens"),
});

export const TokenRevoked = ApiToken.extend({ logIndex: LogIndex });

export const Mission = z.object({
  id: Uuid,
  name: z.string(),
  forceCeiling: z.number().int(),
  approvalQuorum: z.number().int(),
});
