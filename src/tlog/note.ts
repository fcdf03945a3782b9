/**
 * C2SP signed-note: parse, format, sign and open (parse + verify) notes.
 *
 * A note is UTF-8 text ending in "\n", a blank line, then one or more lines
 * `— <key name> <base64(key id || signature)>`. The text ends at the last
 * blank line, so the text itself may contain blank lines.
 *
 * @module
 */
import { decodeBase64, decodeUtf8, encodeBase64, hasLoneSurrogate, hex32 } from './encoding.ts';
import { TlogError } from './errors.ts';
import { isValidKeyName, type NoteSigner, type NoteVerifier } from './keys.ts';

/** One signature line of a note. */
export interface NoteSignature {
  readonly name: string;
  /** uint32 key id (first 4 bytes of the decoded signature). */
  readonly keyId: number;
  /** Signature bytes after the key id. */
  readonly signature: Uint8Array;
}

/** A parsed (not yet verified) note. */
export interface Note {
  /** The signed text, including its final newline. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** A note whose signatures were checked against a set of trusted keys. */
export interface OpenedNote extends Note {
  /** Signatures by trusted keys that verified (at least one). */
  readonly verified: readonly NoteSignature[];
  /** Signatures by keys not in the trusted set (ignored, kept for forwarding). */
  readonly unverified: readonly NoteSignature[];
}

/** Signature lines accepted per note: the spec requires at least 16; more is a denial-of-service vector. */
export const MAX_NOTE_SIGNATURES = 100;

const DASH = '\u2014';

function checkText(text: string, what: string): void {
  if (hasLoneSurrogate(text)) throw new TlogError('malformed', `${what}: not valid Unicode`);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Only newline is allowed among ASCII control characters.
    if (c < 0x20 && c !== 0x0a) throw new TlogError('malformed', `${what}: contains control character ${c}`);
  }
}

/** Formats one signature line, including its trailing newline. */
export function formatSignatureLine(sig: NoteSignature): string {
  if (!isValidKeyName(sig.name))
    throw new TlogError('invalid-argument', `invalid key name ${JSON.stringify(sig.name)}`);
  const bytes = new Uint8Array(4 + sig.signature.length);
  new DataView(bytes.buffer).setUint32(0, sig.keyId >>> 0);
  bytes.set(sig.signature, 4);
  return `${DASH} ${sig.name} ${encodeBase64(bytes)}\n`;
}

/** Parses one signature line (without its trailing newline). */
export function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(`${DASH} `)) throw new TlogError('malformed', 'note: signature line must start with "— "');
  const rest = line.slice(2);
  const space = rest.indexOf(' ');
  if (space < 0) throw new TlogError('malformed', 'note: signature line lacks a signature');
  const name = rest.slice(0, space);
  if (!isValidKeyName(name)) throw new TlogError('malformed', `note: invalid key name ${JSON.stringify(name)}`);
  const bytes = decodeBase64(rest.slice(space + 1), 'note signature');
  if (bytes.length < 5) throw new TlogError('malformed', 'note: signature too short');
  const keyId = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  return { name, keyId, signature: bytes.slice(4) };
}

/** Parses a signed note without verifying it. Bytes are decoded as strict UTF-8. */
export function parseNote(msg: string | Uint8Array): Note {
  const textual = typeof msg === 'string' ? msg : decodeUtf8(msg, 'note');
  checkText(textual, 'note');
  if (!textual.endsWith('\n')) throw new TlogError('malformed', 'note: must end with a newline');
  const split = textual.lastIndexOf('\n\n');
  if (split < 0) throw new TlogError('malformed', 'note: no blank line before the signatures');
  const text = textual.slice(0, split + 1);
  const lines = textual.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES)
    throw new TlogError('malformed', `note: more than ${MAX_NOTE_SIGNATURES} signatures`);
  return { text, signatures: lines.map(parseSignatureLine) };
}

/** Formats a note: text, blank line, signature lines. */
export function formatNote(note: Note): string {
  checkText(note.text, 'note text');
  if (!note.text.endsWith('\n')) throw new TlogError('invalid-argument', 'note text must end with a newline');
  if (note.signatures.length === 0) throw new TlogError('invalid-argument', 'a note needs at least one signature');
  return `${note.text}\n${note.signatures.map(formatSignatureLine).join('')}`;
}

/** Signs `text` with each signer and returns the formatted note. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  checkText(text, 'note text');
  if (!text.endsWith('\n')) throw new TlogError('invalid-argument', 'note text must end with a newline');
  const signatures = signers.map((s) => ({ name: s.name, keyId: s.keyId, signature: s.sign(text) }));
  return formatNote({ text, signatures });
}

/**
 * Parses a note and verifies it against trusted keys. Signatures whose
 * (name, key id) match no trusted key are ignored (listed as `unverified`);
 * a matching signature that fails to verify rejects the whole note
 * (`bad-signature`); no verified signature at all is `unverified`.
 */
export function openNote(msg: string | Uint8Array, verifiers: readonly NoteVerifier[]): OpenedNote {
  const note = parseNote(msg);
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const sig of note.signatures) {
    const v = verifiers.find((k) => k.name === sig.name && k.keyId === sig.keyId);
    if (v === undefined) {
      unverified.push(sig);
      continue;
    }
    if (!v.verify(note.text, sig.signature)) {
      throw new TlogError('bad-signature', `note: signature by ${sig.name}+${hex32(sig.keyId)} does not verify`);
    }
    // A key counts once even if its line is repeated (quorums count keys, not lines).
    const key = `${sig.name}+${sig.keyId}`;
    if (!seen.has(key)) {
      seen.add(key);
      verified.push(sig);
    }
  }
  if (verified.length === 0) throw new TlogError('unverified', 'note: no signature from a trusted key');
  return { ...note, verified, unverified };
}
