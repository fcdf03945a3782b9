/**
 * Strict text encodings shared by the note, checkpoint, witness and proof
 * formats. Base64 decoders (Node's Buffer, atob) are lenient, so
 * every decode here is validated and re-encoded: a format that is signed or
 * compared byte for byte must have exactly one accepted spelling.
 *
 * @module
 */
import { TlogError } from './errors.ts';

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DECIMAL_RE = /^(?:0|[1-9][0-9]*)$/;

/** Bytes per btoa call: String.fromCharCode(...chunk) must stay well under the argument limit. */
const BASE64_CHUNK = 0x6000;

/** Standard (RFC 4648 section 4) base64 with padding (btoa/atob: in browsers and Node alike). */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += BASE64_CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + BASE64_CHUNK));
  }
  return btoa(binary);
}

/**
 * Decodes canonical standard base64; throws `TlogError('malformed')` on any
 * other spelling (missing padding, URL alphabet, non-zero trailing bits).
 */
export function decodeBase64(text: string, what: string): Uint8Array {
  if (!BASE64_RE.test(text)) {
    throw new TlogError('malformed', `${what}: invalid base64`);
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // Non-zero padding bits decode fine but would give two spellings of one value.
  if (encodeBase64(bytes) !== text) {
    throw new TlogError('malformed', `${what}: non-canonical base64`);
  }
  return bytes;
}

/**
 * Parses an ASCII decimal with no leading zeros into a safe integer. Values
 * above 2^53-1 are rejected rather than rounded: silently rounding a tree size
 * would make a valid checkpoint verify against the wrong tree.
 */
export function parseDecimal(text: string, what: string): number {
  if (!DECIMAL_RE.test(text)) {
    throw new TlogError('malformed', `${what}: expected a decimal without leading zeros, got ${JSON.stringify(text)}`);
  }
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new TlogError('malformed', `${what}: ${text} exceeds 2^53-1`);
  }
  return value;
}

/** UTF-8 encoding of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Decodes UTF-8, throwing `TlogError('malformed')` on invalid sequences. */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (err) {
    throw new TlogError('malformed', `${what}: invalid UTF-8 (${(err as Error).message})`);
  }
}

/** Lowercase hex of a uint32, zero-padded to 8 digits (the key id spelling). */
export function hex32(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Byte-wise equality (not constant time: only public hashes are compared). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

/** True if `text` contains a lone UTF-16 surrogate, which has no UTF-8 encoding. */
export function hasLoneSurrogate(text: string): boolean {
  return /\p{Surrogate}/u.test(text);
}
