/** @module Sign-in, session and sign-out. */
import { presentSession } from '../../presenters/accounts.ts';
import { callerFromSession, signIn, signOut, SESSION_TTL_MS } from '../../services/sessions.ts';
import { clearedSessionCookie, DEVICE_COOKIE, deviceCookie, sessionCookie } from '../http/cookies.ts';
import type { Handlers } from './types.ts';

export const sessionHandlers: Pick<Handlers, 'signIn' | 'getSession' | 'getSessionStatus' | 'signOut'> = {
  async signIn(ctx) {
    const s = await signIn(ctx.deps, {
      email: ctx.body.email,
      password: ctx.body.password,
      address: ctx.ip,
      deviceCookie: ctx.cookie(DEVICE_COOKIE),
    });
    ctx.setCookie(sessionCookie(s.token, SESSION_TTL_MS / 1000, ctx.secureCookies));
    ctx.setCookie(deviceCookie(s.deviceCookie, ctx.secureCookies));
    return presentSession(s.principal, s.csrfToken, s.actor);
  },
  async getSession(ctx) {
    const caller = ctx.caller!;
    return presentSession(caller.principal, caller.csrfToken ?? '', caller.actor);
  },
  async getSessionStatus(ctx) {
    const caller = ctx.sessionToken ? await callerFromSession(ctx.deps, ctx.sessionToken) : undefined;
    if (!caller) return { signedIn: false, session: null };
    return { signedIn: true, session: presentSession(caller.principal, caller.csrfToken ?? '', caller.actor) };
  },
  async signOut(ctx) {
    if (ctx.sessionToken) await signOut(ctx.deps, ctx.sessionToken);
    ctx.setCookie(clearedSessionCookie(ctx.secureCookies));
    return {};
  },
};
