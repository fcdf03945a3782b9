/** @module The sign-in and token settings when the operator sets none (tests, benches, tools). */
import { PasswordGate } from '../adapters/password-gate.ts';
import type { AuthSettings } from './deps.ts';

export const DEFAULT_SIGN_IN_CONCURRENCY = 2;

export function defaultAuthSettings(): AuthSettings {
  return {
    passwordGate: new PasswordGate(DEFAULT_SIGN_IN_CONCURRENCY),
    tokenDays: 90,
    tokenMaxDays: 365,
    signInEventDays: 90,
  };
}
