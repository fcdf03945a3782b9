/**
 * Pure implementation of the C2SP transparency-log formats used by Truce's
 * verifiable record: RFC 6962 hashing and proofs, tlog-tiles, signed-note,
 * tlog-checkpoint, tlog-cosignature, tlog-witness (decision logic),
 * tlog-proof, and RFC 8785 canonical JSON. No database, network or file
 * system access: callers supply tiles and keys. No platform either: SHA-256
 * and Ed25519 verification come from the adapter the entry module installs
 * (crypto.ts; node.ts for Node, browser.ts for browsers), so the web UI checks
 * entries with the same code as `truce verify`. Import node.ts or browser.ts.
 *
 * Conventions:
 * - Sizes, indices and timestamps are `number`, restricted to safe integers
 *   (0 .. 2^53-1). Text parsers reject larger values instead of rounding.
 *   Bit arithmetic on them is done with bigint or division, never 32-bit
 *   bitwise operators.
 * - Hashes and keys are `Uint8Array`; text formats are `string`.
 * - `verify*` predicates return boolean and never throw on untrusted input;
 *   all other functions throw {@link TlogError} with a `code`.
 *
 * @module
 */
export { TlogError, type TlogErrorCode } from './errors.ts';
export { installTlogCrypto, sha256, type TlogCrypto } from './crypto.ts';
export { sha256Js } from './sha256.ts';
export { bytesEqual, decodeBase64, encodeBase64 } from './encoding.ts';
export { emptyRoot, foldRight, HASH_SIZE, leafHash, nodeHash, rootFromLeafHashes } from './hash.ts';
export {
  consistencyProof,
  consistencyProofFromLeaves,
  consistencyProofNodes,
  inclusionProof,
  inclusionProofFromLeaves,
  inclusionProofNodes,
  nodeFromLeaves,
  rangeNodes,
  rootFromNodes,
  treeNodes,
  type NodeHashGetter,
  type NodeId,
} from './proofs.ts';
export { verifyConsistency, verifyInclusion } from './verify.ts';
export {
  decodeEntryBundle,
  decodeHashTile,
  encodeEntryBundle,
  encodeHashTile,
  entriesPath,
  formatTileIndex,
  hashesAtLevel,
  MAX_ENTRY_SIZE,
  parseTilePath,
  partialTiles,
  TILE_HEIGHT,
  TILE_WIDTH,
  tileLayout,
  tilePath,
  tileWidth,
  type LevelTiles,
  type TileId,
  type TilePath,
} from './tiles.ts';
export {
  consistencyProofFromTiles,
  inclusionProofFromTiles,
  readNodeHashes,
  rootFromTiles,
  type TileFetcher,
} from './tile-reader.ts';
export {
  appendEntries,
  appendLeafHashes,
  emptyTreeState,
  stateRoot,
  treeStateFromPartialTiles,
  type AppendResult,
  type BundleAppendResult,
  type TileTreeState,
  type TileWrite,
} from './tile-builder.ts';
export {
  computeKeyId,
  ed25519VerifyWith,
  ed25519Verifier,
  formatKeyString,
  isValidKeyName,
  parseKeyString,
  parseVerifierKey,
  SIG_TYPE_COSIGNATURE,
  SIG_TYPE_ED25519,
  type KeyString,
  type NoteSigner,
  type NoteVerifier,
} from './keys.ts';
export {
  formatNote,
  formatSignatureLine,
  MAX_NOTE_SIGNATURES,
  openNote,
  parseNote,
  parseSignatureLine,
  signNote,
  type Note,
  type NoteSignature,
  type OpenedNote,
} from './note.ts';
export {
  formatCheckpoint,
  openCheckpoint,
  parseCheckpoint,
  signCheckpoint,
  type Checkpoint,
  type OpenedCheckpoint,
} from './checkpoint.ts';
export {
  cosignatureMessage,
  cosignatureTimestamp,
  COSIGNATURE_LENGTH,
  cosignatureVerifier,
  cosignerKeyId,
  formatCosignerKey,
  openCosignatures,
  parseCosignerKey,
  type Cosignature,
} from './cosignature.ts';
export {
  formatAddCheckpointRequest,
  MAX_PROOF_LINES,
  parseAddCheckpointRequest,
  TLOG_SIZE_CONTENT_TYPE,
  witnessDecide,
  type AddCheckpointRequest,
  type WitnessDecision,
  type WitnessLogState,
} from './witness.ts';
export {
  formatTlogProof,
  openTlogProof,
  parseTlogProof,
  TLOG_PROOF_HEADER,
  type TlogProof,
  type TlogProofPolicy,
  type VerifiedTlogProof,
} from './proof-bundle.ts';
export { canonicalJson, type JsonValue } from './canonical-json.ts';
