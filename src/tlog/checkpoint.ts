/**
 * C2SP tlog-checkpoint: the signed tree head. The body is the origin line,
 * the tree size in decimal, the base64 root hash, then optional extension
 * lines; it is signed as a signed note.
 *
 * @module
 */
import { decodeBase64, encodeBase64, parseDecimal } from './encoding.ts';
import { assertIndex, TlogError } from './errors.ts';
import { HASH_SIZE } from './hash.ts';
import type { NoteSigner, NoteVerifier } from './keys.ts';
import { openNote, signNote, type OpenedNote } from './note.ts';

/** A checkpoint body. */
export interface Checkpoint {
  /** Unique log identity, e.g. `truce.example/gaza-2025`. */
  readonly origin: string;
  /** Number of leaves. */
  readonly size: number;
  /** 32-byte RFC 6962 root hash at `size`. */
  readonly root: Uint8Array;
  /** Opaque, non-empty extension lines (not recommended by the spec). */
  readonly extensions: readonly string[];
}

/** A checkpoint whose log signature verified. */
export interface OpenedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The underlying note (text is the checkpoint body; unverified lines include cosignatures). */
  readonly note: OpenedNote;
}

/** Formats a checkpoint body (the note text), ending in a newline. */
export function formatCheckpoint(cp: Checkpoint): string {
  if (cp.origin.length === 0 || cp.origin.includes('\n')) {
    throw new TlogError('invalid-argument', 'checkpoint origin must be a non-empty single line');
  }
  assertIndex(cp.size, 'checkpoint size');
  if (cp.root.length !== HASH_SIZE) throw new TlogError('invalid-argument', 'checkpoint root must be 32 bytes');
  for (const ext of cp.extensions) {
    if (ext.length === 0 || ext.includes('\n')) {
      throw new TlogError('invalid-argument', 'checkpoint extension lines must be non-empty single lines');
    }
  }
  return [cp.origin, String(cp.size), encodeBase64(cp.root), ...cp.extensions].map((l) => `${l}\n`).join('');
}

/** Parses a checkpoint body (note text); strict about every line. */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw new TlogError('malformed', 'checkpoint: must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new TlogError('malformed', 'checkpoint: needs origin, size and root lines');
  const [origin, size, root, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin.length === 0) throw new TlogError('malformed', 'checkpoint: empty origin');
  if (extensions.some((l) => l.length === 0)) throw new TlogError('malformed', 'checkpoint: empty extension line');
  const hash = decodeBase64(root, 'checkpoint root');
  if (hash.length !== HASH_SIZE) throw new TlogError('malformed', 'checkpoint: root is not 32 bytes');
  return { origin, size: parseDecimal(size, 'checkpoint size'), root: hash, extensions };
}

/** Formats and signs a checkpoint; returns the signed note. */
export function signCheckpoint(cp: Checkpoint, signers: readonly NoteSigner[]): string {
  return signNote(formatCheckpoint(cp), signers);
}

/**
 * Verifies a signed checkpoint against the log's keys and parses it. With
 * `origin`, the checkpoint must belong to that log (a valid signature on
 * another log's checkpoint is rejected as `unverified`).
 */
export function openCheckpoint(
  signed: string | Uint8Array,
  logVerifiers: readonly NoteVerifier[],
  origin?: string,
): OpenedCheckpoint {
  const note = openNote(signed, logVerifiers);
  const checkpoint = parseCheckpoint(note.text);
  if (origin !== undefined && checkpoint.origin !== origin) {
    throw new TlogError(
      'unverified',
      `checkpoint origin ${JSON.stringify(checkpoint.origin)} is not ${JSON.stringify(origin)}`,
    );
  }
  return { checkpoint, note };
}
