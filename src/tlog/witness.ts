/**
 * The pure parts of a C2SP tlog-witness `add-checkpoint` endpoint: the
 * request body format and the decision table. Storage is the caller's: after
 * a 200 decision it must compare-and-store (origin, expected old size ->
 * new size and root) atomically and, if that fails because another request
 * won the race, re-read its state and decide again. Otherwise two concurrent
 * requests could roll the witness back (see the spec's race example).
 *
 * @module
 */
import { parseCheckpoint, type Checkpoint } from './checkpoint.ts';
import { bytesEqual, decodeBase64, encodeBase64, parseDecimal } from './encoding.ts';
import { assertIndex, TlogError } from './errors.ts';
import { emptyRoot, HASH_SIZE } from './hash.ts';
import type { NoteVerifier } from './keys.ts';
import { openNote, parseNote } from './note.ts';
import { verifyConsistency } from './verify.ts';

/** Consistency proof lines a client may send. */
export const MAX_PROOF_LINES = 63;
/** Content type of a 409 response body. */
export const TLOG_SIZE_CONTENT_TYPE = 'text/x.tlog.size';

/** A parsed add-checkpoint request. */
export interface AddCheckpointRequest {
  readonly oldSize: number;
  readonly proof: readonly Uint8Array[];
  /** The signed checkpoint note, verbatim. */
  readonly checkpoint: string;
}

/** What the witness last cosigned for a log. */
export interface WitnessLogState {
  readonly size: number;
  readonly root: Uint8Array;
}

/** Outcome of {@link witnessDecide}; `status` is the HTTP status to return. */
export type WitnessDecision =
  | {
      readonly status: 200;
      readonly checkpoint: Checkpoint;
      /** Checkpoint body to cosign once the new state is stored. */
      readonly body: string;
      /** State to compare-and-store, expecting the request's old size. */
      readonly newState: WitnessLogState;
    }
  | { readonly status: 400 | 403 | 404 | 422; readonly reason: string }
  | {
      readonly status: 409;
      readonly reason: string;
      /** The witness's current size; respond with `${size}\n` as text/x.tlog.size. */
      readonly size: number;
    };

/** Parses an add-checkpoint request body; throws `TlogError('malformed')` (HTTP 400). */
export function parseAddCheckpointRequest(body: string): AddCheckpointRequest {
  const lines = body.split('\n');
  const first = lines[0] ?? '';
  if (!first.startsWith('old ')) throw new TlogError('malformed', 'add-checkpoint: first line must be "old <size>"');
  const oldSize = parseDecimal(first.slice(4), 'old size');
  const proof: Uint8Array[] = [];
  let i = 1;
  for (; i < lines.length && lines[i] !== ''; i++) {
    if (proof.length === MAX_PROOF_LINES)
      throw new TlogError('malformed', `add-checkpoint: more than ${MAX_PROOF_LINES} proof lines`);
    const hash = decodeBase64(lines[i] as string, 'consistency proof line');
    if (hash.length !== HASH_SIZE) throw new TlogError('malformed', 'add-checkpoint: proof hash is not 32 bytes');
    proof.push(hash);
  }
  if (i >= lines.length - 1) throw new TlogError('malformed', 'add-checkpoint: missing blank line and checkpoint');
  return { oldSize, proof, checkpoint: lines.slice(i + 1).join('\n') };
}

/** Formats an add-checkpoint request body. */
export function formatAddCheckpointRequest(req: AddCheckpointRequest): string {
  assertIndex(req.oldSize, 'old size');
  if (req.proof.length > MAX_PROOF_LINES) throw new TlogError('invalid-argument', 'too many proof lines');
  const proof = req.proof.map((h) => `${encodeBase64(h)}\n`).join('');
  return `old ${req.oldSize}\n${proof}\n${req.checkpoint}`;
}

/** Message of an expected format/signature failure; anything else is a bug and propagates. */
function failureReason(err: unknown): string {
  if (err instanceof TlogError) return err.message;
  throw err;
}

/**
 * Decides an add-checkpoint request, in the order the spec lists its checks.
 *
 * @param state what the witness last cosigned for the checkpoint's origin, or undefined if never
 * @param request the parsed request
 * @param logs trusted verifier keys per log origin
 */
export function witnessDecide(
  state: WitnessLogState | undefined,
  request: AddCheckpointRequest,
  logs: ReadonlyMap<string, readonly NoteVerifier[]>,
): WitnessDecision {
  let checkpoint: Checkpoint;
  let body: string;
  try {
    body = parseNote(request.checkpoint).text;
    checkpoint = parseCheckpoint(body);
  } catch (err) {
    return { status: 400, reason: failureReason(err) };
  }
  const verifiers = logs.get(checkpoint.origin);
  if (verifiers === undefined)
    return { status: 404, reason: `unknown log origin ${JSON.stringify(checkpoint.origin)}` };
  try {
    openNote(request.checkpoint, verifiers);
  } catch (err) {
    return { status: 403, reason: failureReason(err) };
  }
  if (request.oldSize > checkpoint.size) {
    return { status: 400, reason: `old size ${request.oldSize} exceeds checkpoint size ${checkpoint.size}` };
  }
  const current = state?.size ?? 0;
  if (request.oldSize !== current) {
    return { status: 409, size: current, reason: `old size ${request.oldSize} but the witness is at ${current}` };
  }
  // A never-cosigned log is at size 0, whose root is the empty-tree hash.
  const oldRoot = state?.root ?? emptyRoot();
  if (request.oldSize === checkpoint.size && !bytesEqual(oldRoot, checkpoint.root)) {
    return { status: 409, size: current, reason: 'same size as the cosigned checkpoint but a different root' };
  }
  if (!verifyConsistency(request.oldSize, checkpoint.size, request.proof, oldRoot, checkpoint.root)) {
    return { status: 422, reason: `consistency proof from ${request.oldSize} to ${checkpoint.size} does not verify` };
  }
  return { status: 200, checkpoint, body, newState: { size: checkpoint.size, root: checkpoint.root } };
}
