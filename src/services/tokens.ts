/**
 * @module API tokens: created with an expiry (the operator sets the default and the maximum),
 * listed and revoked by their owner (admins: any), creation rate-limited per account. Creation
 * and revocation are permission changes in the log; the label is a restricted field (only its
 * salted commitment is public), so a token can never put free text into the permanent public log.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CreateToken, ListTokensQuery } from '../contract/accounts.ts';
import { authorize, can, type Actor } from '../domain/policy.ts';
import { hashSecret, newSecret } from '../adapters/secrets.ts';
import {
  findApiTokenForUpdate,
  insertApiToken,
  listApiTokens,
  lockUser,
  revokeApiToken,
  tokensCreatedSince,
  type ApiTokenRow,
} from '../repositories/api-tokens.ts';
import type { Deps } from './deps.ts';
import { conflict, invalid, notFound, tooManyRequests } from './errors.ts';
import { writeVersioned, writeWithLog, type Written } from './write.ts';
import { apiTokenKind } from '../log/kinds/foundation.ts';

const DAY_MS = 86_400_000;
/** At most this many tokens per account per hour: enough for any honest use, not for flooding the log. */
export const TOKEN_CREATIONS_PER_HOUR = 10;
const HOUR_MS = 3_600_000;

export interface TokenCreatedValue {
  id: string;
  token: string;
  expiresAt: Date;
}

/** Creates a bearer token for `userId`; the secret is returned once and only its hash kept. */
export async function createToken(
  deps: Deps,
  actor: Actor | null,
  userId: string,
  input: z.output<typeof CreateToken>,
): Promise<Written<TokenCreatedValue>> {
  authorize(actor, 'token.create');
  const days = input.expiresInDays ?? deps.auth.tokenDays;
  if (days > deps.auth.tokenMaxDays) {
    throw invalid([{ path: 'expiresInDays', message: `at most ${deps.auth.tokenMaxDays} days on this server` }]);
  }
  const token = newSecret('truce');
  const now = deps.clock.now();
  const row: ApiTokenRow = {
    id: randomUUID(),
    user_id: userId,
    token_hash: hashSecret(token),
    label: input.label,
    created_at: now,
    expires_at: new Date(now.getTime() + days * DAY_MS),
    last_used_at: null,
    revoked_at: null,
    revoked_by: null,
    version: 1,
  };
  return writeWithLog(deps, async (tx, record) => {
    if (!(await lockUser(tx, userId))) throw notFound('account');
    const recent = await tokensCreatedSince(tx, userId, new Date(now.getTime() - HOUR_MS));
    if (recent.count >= TOKEN_CREATIONS_PER_HOUR) {
      const wait = recent.oldest ? recent.oldest.getTime() + HOUR_MS - now.getTime() : HOUR_MS;
      throw tooManyRequests(
        `at most ${TOKEN_CREATIONS_PER_HOUR} tokens an hour per account`,
        Math.max(1, Math.ceil(wait / 1000)),
      );
    }
    await insertApiToken(tx, row);
    await record({
      kind: 'api_token',
      id: row.id,
      version: 1,
      op: 'permission',
      at: now,
      actor,
      public: apiTokenKind.public(row),
      restricted: apiTokenKind.restricted(row),
    });
    return { id: row.id, token, expiresAt: row.expires_at };
  });
}

/** The caller's tokens, or (scope 'all', admins) every account's. */
export async function tokens(
  deps: Deps,
  actor: Actor | null,
  query: z.output<typeof ListTokensQuery>,
  ownerId?: string,
): Promise<ApiTokenRow[]> {
  if (query.scope === 'all') {
    authorize(actor, 'token.read');
    return listApiTokens(deps.db, ownerId);
  }
  const userId = ownerId ?? actor?.userId;
  authorize(actor, 'token.read', { userId });
  return listApiTokens(deps.db, userId);
}

/** Revokes a token at once (bearer calls with it answer 401 from now on). */
export async function revokeToken(deps: Deps, actor: Actor | null, id: string): Promise<Written<ApiTokenRow>> {
  const now = deps.clock.now();
  return writeVersioned(deps, {
    kind: apiTokenKind,
    what: 'token',
    id,
    seen: undefined,
    // Someone else's token is "not found", not "forbidden": ids of others' tokens reveal nothing.
    lock: async (tx, tokenId) => {
      const current = await findApiTokenForUpdate(tx, tokenId);
      const mine = current && (actor === null || can(actor, 'token.revoke', { userId: current.user_id }));
      return mine ? current : undefined;
    },
    next: (current) => {
      if (current.revoked_at !== null) throw conflict('this token is revoked already');
      return { ...current, revoked_at: now, revoked_by: actor?.userId ?? null };
    },
    save: (tx, next) => revokeApiToken(tx, id, { revoked_at: now, revoked_by: next.revoked_by, version: next.version }),
    op: 'permission',
    at: now,
    actor,
  });
}
