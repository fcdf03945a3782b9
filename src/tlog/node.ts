/**
 * The library for Node (the server, `truce verify`, the witness, the CLI): installs node:crypto
 * as its SHA-256 and Ed25519 verification, and adds Ed25519 signing. Node code imports the
 * library from here; code shared with the browser imports index.ts and runs on whichever
 * adapter its entry installed.
 *
 * @module
 */
import { installTlogCrypto } from './crypto.ts';
import { nodeCrypto } from './node-crypto.ts';

installTlogCrypto(nodeCrypto);

export * from './index.ts';
export { nodeCrypto } from './node-crypto.ts';
export {
  cosign,
  cosigner,
  cosignerFromSignerKey,
  ed25519Signer,
  formatSignerKey,
  generateSignerKey,
  parseSignerKey,
  verifierKeyOf,
  type Ed25519Signer,
} from './node-signing.ts';
