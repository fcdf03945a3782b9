/**
 * @module Device cookies (OWASP "Slow Down Online Guessing Attacks with Device Cookies"): a
 * browser that signed in to an account gets a cookie `<userId>.<nonce>.<HMAC>` signed with a key
 * only the servers hold. Presented with the right account's email, it lets that browser skip
 * the account's and the address's throttles (it is throttled on its own nonce instead), so an
 * attacker who cannot steal the cookie cannot lock the owner out.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { loadOrCreateAuthKey } from '../repositories/auth-keys.ts';

const KEY_NAME = 'device-cookie';
const keys = new WeakMap<Kysely<DB>, Promise<Buffer>>();

function signingKey(db: Kysely<DB>, now: Date): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = loadOrCreateAuthKey(db, KEY_NAME, now);
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body, 'utf8').digest('base64url');

/** A new device cookie value for an account. */
export async function issueDeviceCookie(db: Kysely<DB>, userId: string, now: Date): Promise<string> {
  const body = `${userId}.${randomBytes(16).toString('base64url')}`;
  return `${body}.${mac(await signingKey(db, now), body)}`;
}

/** The cookie's nonce when it is genuine and was issued to `userId`; otherwise undefined. */
export async function trustedDeviceNonce(
  db: Kysely<DB>,
  value: string | undefined,
  userId: string | undefined,
  now: Date,
): Promise<string | undefined> {
  if (!value || !userId) return undefined;
  const parts = value.split('.');
  if (parts.length !== 3) return undefined;
  const [owner, nonce, signature] = parts as [string, string, string];
  if (owner !== userId) return undefined;
  const expected = Buffer.from(mac(await signingKey(db, now), `${owner}.${nonce}`));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? nonce : undefined;
}
