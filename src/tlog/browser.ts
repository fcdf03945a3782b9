/**
 * The library for browsers (the web UI checks log entries with the code `truce verify` runs):
 * installs a pure-JS SHA-256 (WebCrypto's digest is asynchronous, the tree code is not) and
 * builds Ed25519 note verifiers on WebCrypto.
 *
 * WebCrypto answers asynchronously and the library asks synchronously, so
 * `webCryptoNoteVerifier` verifies the signature lines of the one note it is given before the
 * library asks, and its verifier answers from those results: any other text or signature is
 * "does not verify" (fails closed). A browser has no synchronous Ed25519, so the library's
 * `parseVerifierKey` / `ed25519Verifier` refuse to build (`TlogError('unavailable')`) rather
 * than answer wrongly.
 *
 * @module
 */
import { installTlogCrypto, type TlogCrypto } from './crypto.ts';
import { encodeBase64, utf8 } from './encoding.ts';
import { TlogError } from './errors.ts';
import { parseKeyString, SIG_TYPE_ED25519, type NoteVerifier } from './keys.ts';
import { parseNote } from './note.ts';
import { sha256Js } from './sha256.ts';

export const browserCrypto: TlogCrypto = { sha256: sha256Js };

installTlogCrypto(browserCrypto);

export * from './index.ts';

/** A copy on its own ArrayBuffer, the only kind WebCrypto's types accept. */
const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/**
 * A verifier for the Ed25519 verifier key `vkey` (`name+hexid+base64(0x01 || key)`, id
 * checked), ready to open `note` with the library (`openNote`, `openCheckpoint`,
 * `openTlogProof`). Throws `TlogError('malformed')` for a key that is not an Ed25519 verifier key.
 */
export async function webCryptoNoteVerifier(
  vkey: string,
  note: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<NoteVerifier> {
  const k = parseKeyString(vkey);
  if (k.type !== SIG_TYPE_ED25519 || k.key.length !== 32)
    throw new TlogError('malformed', 'verifier key is not an Ed25519 key (type 0x01, 32 bytes)');
  const key = await subtle.importKey('raw', own(k.key), { name: 'Ed25519' }, false, ['verify']);
  const { text, signatures } = parseNote(note);
  const message = own(utf8(text));
  const valid = new Set<string>();
  for (const sig of signatures) {
    if (sig.name !== k.name || sig.keyId !== k.keyId || sig.signature.length !== 64) continue;
    if (await subtle.verify({ name: 'Ed25519' }, key, own(sig.signature), message))
      valid.add(encodeBase64(sig.signature));
  }
  return { name: k.name, keyId: k.keyId, verify: (t, signature) => t === text && valid.has(encodeBase64(signature)) };
}
