/** @module The session cookie: HttpOnly, SameSite=Strict, never readable by scripts. */
export const SESSION_COOKIE = 'truce_session';

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/**
 * The device cookie (see services/device-cookies.ts): sent only to the sign-in endpoint, kept
 * for DEVICE_COOKIE_DAYS, never readable by scripts.
 */
export const DEVICE_COOKIE = 'truce_device';
export const DEVICE_COOKIE_DAYS = 180;

export function deviceCookie(value: string, secure: boolean): string {
  return [
    `${DEVICE_COOKIE}=${value}`,
    'Path=/api/session',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${DEVICE_COOKIE_DAYS * 86400}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}

export function readCookie(header: string | undefined | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
