/**
 * @module Random bearer secrets (session cookies, API tokens) and their stored form.
 * Only SHA-256 of a secret is stored: a leaked database does not leak working credentials.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
