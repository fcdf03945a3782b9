/**
 * C2SP tlog-proof (`.tlog-proof` files, "spicy signatures"): a self-contained,
 * offline-verifiable proof that an entry is in a log, made of an optional
 * opaque `extra` line, the entry index, the inclusion proof and the signed
 * (optionally cosigned) checkpoint, verbatim.
 *
 * @module
 */
import { openCheckpoint, type Checkpoint } from './checkpoint.ts';
import { openCosignatures, type Cosignature } from './cosignature.ts';
import { decodeBase64, encodeBase64, parseDecimal } from './encoding.ts';
import { assertIndex, TlogError } from './errors.ts';
import { HASH_SIZE } from './hash.ts';
import type { NoteVerifier } from './keys.ts';
import { verifyInclusion } from './verify.ts';

/** First line of every tlog-proof. */
export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';
/** An inclusion proof in a tree below 2^63 leaves has at most 63 hashes. */
const MAX_PROOF_HASHES = 63;

/** A parsed tlog-proof. */
export interface TlogProof {
  /** Opaque, unauthenticated application data. */
  readonly extra?: Uint8Array;
  /** Zero-based index of the entry. */
  readonly index: number;
  /** Inclusion proof, leaf sibling first. */
  readonly proof: readonly Uint8Array[];
  /** Signed checkpoint note, verbatim. */
  readonly checkpoint: string;
}

/** Trust policy for {@link openTlogProof}. */
export interface TlogProofPolicy {
  /** The log's checkpoint keys (at least one must have signed). */
  readonly log: readonly NoteVerifier[];
  /** Expected checkpoint origin. */
  readonly origin?: string;
  /** Trusted witness cosigner keys. */
  readonly witnesses?: readonly NoteVerifier[];
  /** Distinct witnesses that must have cosigned; defaults to 1 if witnesses are given, else 0. */
  readonly quorum?: number;
}

/** A proof that verified under a policy. */
export interface VerifiedTlogProof {
  readonly index: number;
  readonly extra?: Uint8Array;
  readonly checkpoint: Checkpoint;
  readonly cosignatures: readonly Cosignature[];
}

/** Formats a tlog-proof. */
export function formatTlogProof(p: TlogProof): string {
  assertIndex(p.index, 'entry index');
  if (p.proof.length > MAX_PROOF_HASHES || p.proof.some((h) => h.length !== HASH_SIZE)) {
    throw new TlogError('invalid-argument', 'tlog-proof: proof must be at most 63 hashes of 32 bytes');
  }
  const extra = p.extra === undefined ? '' : `extra ${encodeBase64(p.extra)}\n`;
  const hashes = p.proof.map((h) => `${encodeBase64(h)}\n`).join('');
  return `${TLOG_PROOF_HEADER}\n${extra}index ${p.index}\n${hashes}\n${p.checkpoint}`;
}

/** Parses a tlog-proof; throws `TlogError('malformed')`. Does not verify anything. */
export function parseTlogProof(text: string): TlogProof {
  const lines = text.split('\n');
  if (lines[0] !== TLOG_PROOF_HEADER)
    throw new TlogError('malformed', `tlog-proof: first line must be ${TLOG_PROOF_HEADER}`);
  let i = 1;
  let extra: Uint8Array | undefined;
  if (lines[i]?.startsWith('extra ') === true) {
    extra = decodeBase64((lines[i] as string).slice(6), 'tlog-proof extra');
    i++;
  }
  const indexLine = lines[i] ?? '';
  if (!indexLine.startsWith('index ')) throw new TlogError('malformed', 'tlog-proof: missing index line');
  const index = parseDecimal(indexLine.slice(6), 'tlog-proof index');
  const proof: Uint8Array[] = [];
  for (i++; i < lines.length && lines[i] !== ''; i++) {
    if (proof.length === MAX_PROOF_HASHES) throw new TlogError('malformed', 'tlog-proof: too many proof hashes');
    const hash = decodeBase64(lines[i] as string, 'tlog-proof hash');
    if (hash.length !== HASH_SIZE) throw new TlogError('malformed', 'tlog-proof: proof hash is not 32 bytes');
    proof.push(hash);
  }
  if (i >= lines.length - 1) throw new TlogError('malformed', 'tlog-proof: missing blank line and checkpoint');
  const checkpoint = lines.slice(i + 1).join('\n');
  return extra === undefined ? { index, proof, checkpoint } : { extra, index, proof, checkpoint };
}

/**
 * Verifies a tlog-proof for the entry whose leaf hash is `leaf`: the
 * checkpoint must be signed by the log (and cosigned by a quorum of
 * witnesses if required) and the inclusion proof must lead to its root.
 * Throws `TlogError` ('malformed', 'unverified', 'bad-signature' or
 * 'proof-failed'); returns the verified facts.
 */
export function openTlogProof(text: string, leaf: Uint8Array, policy: TlogProofPolicy): VerifiedTlogProof {
  const parsed = parseTlogProof(text);
  const { checkpoint, note } = openCheckpoint(parsed.checkpoint, policy.log, policy.origin);
  if (!verifyInclusion(leaf, parsed.index, checkpoint.size, parsed.proof, checkpoint.root)) {
    throw new TlogError(
      'proof-failed',
      `tlog-proof: entry ${parsed.index} is not proven in tree of size ${checkpoint.size}`,
    );
  }
  const witnesses = policy.witnesses ?? [];
  const quorum = policy.quorum ?? (witnesses.length > 0 ? 1 : 0);
  const cosignatures = openCosignatures(note, witnesses);
  if (cosignatures.length < quorum) {
    throw new TlogError(
      'unverified',
      `tlog-proof: ${cosignatures.length} witness cosignatures, policy needs ${quorum}`,
    );
  }
  const base = { index: parsed.index, checkpoint, cosignatures };
  return parsed.extra === undefined ? base : { ...base, extra: parsed.extra };
}
