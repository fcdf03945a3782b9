/**
 * @module Limits that keep one client from taking a server for itself, in memory, per process
 * (behind N app servers an address gets N buckets: a bound, not an exact quota).
 *
 * - Requests without credentials draw from a token bucket per client address (`burst` tokens,
 *   refilled at `perSecond`); an empty bucket answers 429 with `Retry-After`.
 * - Requests with credentials are never refused here (a valid account behind the same address as
 *   an attacker keeps working), but each one the server refuses with 401 draws from the same
 *   bucket, and once it is empty those 401s become 429s: guessing tokens is as limited as
 *   anonymous browsing.
 * - Open event streams per account are counted, and one more than `streamsPerAccount` is 429.
 */
import type { MiddlewareHandler } from 'hono';
import { problemResponse } from './problem.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';

export interface RequestLimits {
  /** Anonymous requests per second per client address, sustained. */
  anonymousPerSecond: number;
  /** Anonymous requests a client address may send at once before the rate applies. */
  anonymousBurst: number;
  /** Event streams one account may hold open at once (per process). */
  streamsPerAccount: number;
}

export const DEFAULT_LIMITS: RequestLimits = { anonymousPerSecond: 10, anonymousBurst: 100, streamsPerAccount: 10 };

/** More addresses than this and the full (idle) buckets are forgotten: memory stays bounded. */
const MAX_TRACKED_ADDRESSES = 50_000;

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`: 0 when granted, else the seconds until one is available. */
  take(key: string): number {
    const t = this.now();
    const b = this.refilled(key, t);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.perSecond));
  }

  private refilled(key: string, t: number): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= MAX_TRACKED_ADDRESSES) this.forgetIdle(t);
      b = { tokens: this.burst, at: t };
      this.buckets.set(key, b);
      return b;
    }
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    return b;
  }

  private forgetIdle(t: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((t - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
    // Still full of busy addresses (a spoofing flood): start over rather than grow without bound.
    if (this.buckets.size >= MAX_TRACKED_ADDRESSES) this.buckets.clear();
  }
}

function tooManyRequests(retryAfterSeconds: number, detail: string): Response {
  const res = problemResponse(429, 'Too Many Requests', detail);
  res.headers.set('retry-after', String(retryAfterSeconds));
  return res;
}

function carriesCredentials(authorization: string | undefined, cookie: string | undefined): boolean {
  return Boolean(authorization) || Boolean(readCookie(cookie, SESSION_COOKIE));
}

/** The per-address limit on unauthenticated requests (see the module comment). */
export function anonymousRateLimit(
  limits: RequestLimits,
  clientAddress: (c: Parameters<MiddlewareHandler>[0]) => string,
): MiddlewareHandler {
  const buckets = new TokenBuckets(limits.anonymousPerSecond, limits.anonymousBurst);
  const detail = `unauthenticated requests are limited to ${limits.anonymousPerSecond} a second (bursts of ${limits.anonymousBurst}) per client address; sign in or wait`;
  return async (c, next) => {
    // Signing in has its own throttle (per account, address and device, with backoff): sharing
    // this bucket would let one noisy client behind a NAT block everyone's sign-in.
    if (c.req.method === 'POST' && c.req.path === '/api/session') return next();
    const credentialed = carriesCredentials(c.req.header('authorization'), c.req.header('cookie'));
    if (!credentialed) {
      const wait = buckets.take(clientAddress(c));
      if (wait > 0) return tooManyRequests(wait, detail);
      await next();
      return;
    }
    await next();
    if (c.res.status === 401) {
      const wait = buckets.take(clientAddress(c));
      if (wait > 0) c.res = tooManyRequests(wait, detail);
    }
  };
}

/** Open event streams per account, in this process. */
export class StreamCounter {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts a new stream for `account`: the release function, or undefined when at the limit. */
  acquire(account: string): (() => void) | undefined {
    const n = this.open.get(account) ?? 0;
    if (n >= this.max) return undefined;
    this.open.set(account, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(account) ?? 1) - 1;
      if (left <= 0) this.open.delete(account);
      else this.open.set(account, left);
    };
  }

  streamLimitResponse(): Response {
    return tooManyRequests(
      5,
      `at most ${this.max} live event streams per account are open at once; close another page first`,
    );
  }
}
