/**
 * Shared test helpers: the vendored vectors (copied verbatim, with their
 * source attribution, from the published repositories listed in each entry)
 * and small encoders.
 */
import vectorsJson from './tlog-vectors.json' with { type: 'json' };

/** The test vectors, typed by inference from the JSON file. */
export const vectors = vectorsJson;

/** Narrows an optional vector field, failing loudly if the vector file lost it. */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`test vector field missing: ${what}`);
  return value;
}

const [specNoteRaw, goNoteRaw] = vectors.signed_note;
const [sumdbRaw, monkeysRaw] = vectors.checkpoint;

/** C2SP signed-note spec example. */
export const specNote = {
  vkey: must(specNoteRaw?.vkey, 'signed_note[0].vkey'),
  note: must(specNoteRaw?.note, 'signed_note[0].note'),
  signedText: must(specNoteRaw?.signed_bytes_utf8, 'signed_note[0].signed_bytes_utf8'),
};

/** Go x/mod note test key and notes. */
export const goNote = {
  skey: must(goNoteRaw?.skey_go_format, 'signed_note[1].skey_go_format'),
  vkey: must(goNoteRaw?.vkey, 'signed_note[1].vkey'),
  text: must(goNoteRaw?.text, 'signed_note[1].text'),
  signed: must(goNoteRaw?.expected_signed_note, 'signed_note[1].expected_signed_note'),
  secondVkey: must(goNoteRaw?.second_key?.vkey, 'signed_note[1].second_key.vkey'),
  twoSigs: must(goNoteRaw?.second_key?.note_with_two_sigs, 'signed_note[1].second_key.note_with_two_sigs'),
};

/** Real sum.golang.org checkpoint. */
export const sumdb = {
  vkey: must(sumdbRaw?.vkey, 'checkpoint[0].vkey'),
  checkpoint: must(sumdbRaw?.checkpoint, 'checkpoint[0].checkpoint'),
  origin: must(sumdbRaw?.origin, 'checkpoint[0].origin'),
  size: must(sumdbRaw?.size, 'checkpoint[0].size'),
};

/** transparency-dev/witness test log "monkeys": checkpoints 5 and 8 and the proof between them. */
export const monkeys = {
  vkey: must(monkeysRaw?.vkey, 'checkpoint[1].vkey'),
  size5: must(monkeysRaw?.checkpoint_size5, 'checkpoint[1].checkpoint_size5'),
  size8: must(monkeysRaw?.checkpoint_size8, 'checkpoint[1].checkpoint_size8'),
  proof5to8Hex: must(monkeysRaw?.consistency_proof_5_to_8_hex, 'checkpoint[1].consistency_proof_5_to_8_hex'),
};

/** Decodes standard base64 (test data is trusted). */
export function b64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/** Decodes hex. */
export function hex(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'hex'));
}

/** Encodes hex. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** UTF-8 bytes of a string. */
export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Copy of `data` with bit `bit` (0 = LSB of byte 0) flipped. */
export function flipBit(data: Uint8Array, bit: number): Uint8Array {
  const out = new Uint8Array(data);
  const i = Math.floor(bit / 8) % out.length;
  out[i] = (out[i] as number) ^ (1 << (bit % 8));
  return out;
}
