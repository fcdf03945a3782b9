/**
 * @module Sign-in throttling as data and pure functions (no I/O). Every attempt is reserved
 * before its password is checked, pessimistically, as if it were going to fail: a reservation
 * counts the attempt and pushes the key's `blockedUntil` to the backoff that failure would
 * earn. So N parallel guesses are serialised by the row lock and only the first few pass; a
 * success then gives the reservation back. Keys decay: a key left alone for `forgetAfterMs`
 * starts over.
 *
 * Which keys an attempt reserves (`keysFor`) is the OWASP "device cookie" scheme: a browser
 * that once signed in to this account (it holds a valid device cookie for it) is throttled only
 * on its own cookie, so an attacker hammering the account, from one address or many, slows
 * himself down but never locks the owner out. Everyone else is throttled per account from one
 * address (tight), per account from any address (looser: a distributed guess), and per address
 * (loosest: one address spraying many accounts, or a shared NAT).
 */

export type ThrottleScope = 'pair' | 'account' | 'address' | 'device';

export interface ThrottleRule {
  /** Attempts allowed back to back before any delay. */
  freeAttempts: number;
  /** Delay after the first attempt over the free ones; doubles with each further attempt. */
  baseDelayMs: number;
  /** The delay never grows beyond this: backoff slows, it never locks out for good. */
  maxDelayMs: number;
  /** A key untouched this long is forgotten (its count starts over). */
  forgetAfterMs: number;
  /** Whether a successful sign-in clears the key (its own browser or address proved itself). */
  resetOnSuccess: boolean;
}

const MINUTE = 60_000;

export const THROTTLE_RULES: Record<ThrottleScope, ThrottleRule> = {
  pair: {
    freeAttempts: 3,
    baseDelayMs: 1000,
    maxDelayMs: 15 * MINUTE,
    forgetAfterMs: 60 * MINUTE,
    resetOnSuccess: true,
  },
  account: {
    freeAttempts: 10,
    baseDelayMs: 1000,
    maxDelayMs: 15 * MINUTE,
    forgetAfterMs: 60 * MINUTE,
    resetOnSuccess: false,
  },
  address: {
    freeAttempts: 30,
    baseDelayMs: 1000,
    maxDelayMs: 5 * MINUTE,
    forgetAfterMs: 60 * MINUTE,
    resetOnSuccess: false,
  },
  device: {
    freeAttempts: 5,
    baseDelayMs: 1000,
    maxDelayMs: 15 * MINUTE,
    forgetAfterMs: 60 * MINUTE,
    resetOnSuccess: true,
  },
};

export interface ThrottleKey {
  scope: ThrottleScope;
  /** The stored key: scope-prefixed so an email can never collide with an address. */
  key: string;
}

export interface ThrottleState {
  attempts: number;
  blockedUntil: Date;
  updatedAt: Date;
}

/** The key an address is throttled on: IPv6 by its /64, since one host usually holds a whole /64. */
export function addressKey(address: string): string {
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const full = address.includes('::')
    ? [...headParts, ...Array<string>(8 - headParts.length - tailParts.length).fill('0'), ...tailParts]
    : headParts;
  return `${full
    .slice(0, 4)
    .map((p) => p.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The keys an attempt reserves: its trusted device only, or account, address and both. */
export function keysFor(email: string, address: string, deviceNonce: string | undefined): ThrottleKey[] {
  if (deviceNonce) return [{ scope: 'device', key: `device:${deviceNonce}` }];
  return [
    { scope: 'pair', key: `pair:${email}|${addressKey(address)}` },
    { scope: 'account', key: `account:${email}` },
    { scope: 'address', key: `address:${addressKey(address)}` },
  ];
}

/** How long a key must wait after `attempts` pessimistically counted attempts. */
export function delayAfter(rule: ThrottleRule, attempts: number): number {
  if (attempts < rule.freeAttempts) return 0;
  const doublings = Math.min(attempts - rule.freeAttempts, 40);
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** doublings);
}

export type Reservation = { ok: true; next: ThrottleState } | { ok: false; retryAfterMs: number };

/** Reserves one attempt on a key, or says how long to wait. */
export function reserve(rule: ThrottleRule, state: ThrottleState | undefined, now: Date): Reservation {
  const forgotten = !state || now.getTime() - state.updatedAt.getTime() > rule.forgetAfterMs;
  if (!forgotten && state.blockedUntil > now)
    return { ok: false, retryAfterMs: state.blockedUntil.getTime() - now.getTime() };
  const attempts = (forgotten ? 0 : state.attempts) + 1;
  const delay = delayAfter(rule, attempts);
  // No delay earned: no block at all (not a block until `now`, which a concurrent attempt that
  // read the clock a moment earlier would take for one).
  return {
    ok: true,
    next: { attempts, blockedUntil: delay === 0 ? new Date(0) : new Date(now.getTime() + delay), updatedAt: now },
  };
}

/**
 * After a successful check: the key starts over, or gives back the one attempt it reserved
 * (null: delete the key). The block other reservations set meanwhile is kept.
 */
export function afterSuccess(rule: ThrottleRule, state: ThrottleState, now: Date): ThrottleState | null {
  if (rule.resetOnSuccess) return null;
  return { attempts: Math.max(0, state.attempts - 1), blockedUntil: state.blockedUntil, updatedAt: now };
}
