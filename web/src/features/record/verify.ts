/**
 * @module Verifies, in the browser, that a log entry is included in the transparency log: the
 * checkpoint's Ed25519 signature against the log's verifier key, and the RFC 6962/9162 inclusion
 * proof from the entry's leaf hash to the checkpoint's root. WebCrypto only, so no server (not
 * even ours) is trusted for the answer. Independent of src/tlog (which uses node:crypto) and
 * cross-checked against it in test/unit/record-verify.test.ts.
 */

export interface BrowserVerification {
  index: number;
  size: number;
  origin: string;
  /** Signature lines other than the log's (witness cosignatures), by key name. */
  cosigners: string[];
  /** The decoded entry (canonical JSON of the record change). */
  entry: Record<string, unknown>;
  /** Leaf format: 1 (actor's user id in clear, entries before the switch) or 2 (actor as a commitment). */
  format: 1 | 2;
}

export class VerificationFailed extends Error {}

const encoder = new TextEncoder();

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function sha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

export const leafHash = (entry: Uint8Array) => sha256(concat(new Uint8Array([0]), entry));
const nodeHash = (l: Uint8Array, r: Uint8Array) => sha256(concat(new Uint8Array([1]), l, r));

/** RFC 9162 section 2.1.3.2, with plain numbers (exact below 2^53) instead of 32-bit bit operations. */
export async function verifyInclusion(leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): Promise<boolean> {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      // Skip the levels where this node is a left child without a right sibling.
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root);
}

interface VerifierKey {
  name: string;
  keyId: Uint8Array;
  publicKey: Uint8Array<ArrayBuffer>;
}

/** `name+hexid+base64(0x01 || 32-byte Ed25519 key)`; the id is recomputed, not trusted. */
export async function parseVerifierKey(vkey: string): Promise<VerifierKey> {
  const [name, hexId, ...rest] = vkey.trim().split('+');
  const body = fromBase64(rest.join('+'));
  if (!name || !hexId || !/^[0-9a-f]{8}$/.test(hexId) || body.length !== 33 || body[0] !== 1) throw new VerificationFailed('the log key is not an Ed25519 verifier key');
  const publicKey = concat(body.slice(1));
  const id = (await sha256(concat(encoder.encode(`${name}\n`), new Uint8Array([1]), publicKey))).slice(0, 4);
  if (hexId !== [...id].map((b) => b.toString(16).padStart(2, '0')).join('')) throw new VerificationFailed('the log key id does not match the key');
  return { name, keyId: id, publicKey };
}

interface SignedNote {
  text: string;
  signatures: { name: string; bytes: Uint8Array }[];
}

function parseNote(note: string): SignedNote {
  const split = note.indexOf('\n\n');
  if (split < 0) throw new VerificationFailed('the checkpoint is not a signed note');
  const text = note.slice(0, split + 1);
  const signatures = note
    .slice(split + 2)
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const m = /^\u2014 (\S+) (\S+)$/.exec(line);
      if (!m) throw new VerificationFailed('malformed signature line in the checkpoint');
      return { name: m[1]!, bytes: fromBase64(m[2]!) };
    });
  return { text, signatures };
}

async function checkLogSignature(note: SignedNote, key: VerifierKey): Promise<void> {
  const mine = note.signatures.find((s) => s.name === key.name && equal(s.bytes.slice(0, 4), key.keyId));
  if (!mine) throw new VerificationFailed('the checkpoint is not signed by this log');
  const cryptoKey = await crypto.subtle.importKey('raw', key.publicKey, { name: 'Ed25519' }, false, ['verify']);
  const ok = await crypto.subtle.verify({ name: 'Ed25519' }, cryptoKey, concat(mine.bytes.slice(4)), concat(encoder.encode(note.text)));
  if (!ok) throw new VerificationFailed("the checkpoint's signature does not verify");
}

function parseProofBundle(text: string): { index: number; proof: Uint8Array[]; checkpoint: string } {
  const lines = text.split('\n');
  if (lines[0] !== 'c2sp.org/tlog-proof@v1') throw new VerificationFailed('not a tlog-proof');
  let i = 1;
  if (lines[i]?.startsWith('extra ')) i++;
  const m = /^index (\d+)$/.exec(lines[i] ?? '');
  if (!m) throw new VerificationFailed('tlog-proof without an index');
  const proof: Uint8Array[] = [];
  for (i++; i < lines.length && lines[i] !== ''; i++) proof.push(fromBase64(lines[i]!));
  return { index: Number(m[1]), proof, checkpoint: lines.slice(i + 1).join('\n') };
}

/**
 * Verifies that `entryBase64` is the entry at the bundle's index in the log whose verifier key is
 * `vkey`. Throws VerificationFailed with a reason a person can read.
 */
export async function verifyEntry(entryBase64: string, bundle: string, vkey: string): Promise<BrowserVerification> {
  const key = await parseVerifierKey(vkey);
  const { index, proof, checkpoint } = parseProofBundle(bundle);
  const note = parseNote(checkpoint);
  await checkLogSignature(note, key);
  const [origin, sizeLine, rootLine] = note.text.split('\n');
  if (origin !== key.name) throw new VerificationFailed(`the checkpoint is for ${origin ?? '?'}, the key for ${key.name}`);
  const size = Number(sizeLine);
  const root = fromBase64(rootLine ?? '');
  const entry = fromBase64(entryBase64);
  if (!(await verifyInclusion(await leafHash(entry), index, size, proof, root))) {
    throw new VerificationFailed(`entry ${index} is not proven to be in the log of ${size} entries`);
  }
  const decoded = JSON.parse(new TextDecoder().decode(entry)) as Record<string, unknown>;
  // Both leaf formats are read; v2 names the actor only by a salted commitment (src/log/leaf.ts).
  const format = decoded.v;
  if (format !== 1 && format !== 2) throw new VerificationFailed(`entry ${index} is in an unknown leaf format (${String(format)})`);
  if (format === 2 && decoded.user !== null && !(typeof decoded.user === 'string' && /^[0-9a-f]{64}$/.test(decoded.user))) {
    throw new VerificationFailed(`entry ${index} is a v2 leaf whose actor is not a commitment`);
  }
  return {
    index, size, origin,
    cosigners: note.signatures.filter((s) => s.name !== key.name).map((s) => s.name),
    entry: decoded,
    format,
  };
}
