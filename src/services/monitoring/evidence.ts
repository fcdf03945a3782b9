/**
 * @module Evidence files: stored once by SHA-256, limited to a few types whose first bytes are
 * checked (a "photo" that is really a script is refused). Reports cite them by hash. The media
 * types and the size ceiling are the route's (contract/routes/monitoring.ts); the HTTP pipeline
 * enforces them before the bytes get here.
 */
import { createHash } from 'node:crypto';
import type { Deps } from '../deps.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import { invalid, notFound } from '../errors.ts';
import { findEvidence, insertEvidence } from '../../repositories/monitoring/evidence.ts';

/** Accepted media types and the magic bytes their content must start with. */
const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  'image/webp': (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  'application/pdf': (b) => ascii(b, 0, 5) === '%PDF-',
};

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

export interface StoredEvidence {
  sha256: string;
  mediaType: string;
  size: number;
}

export async function storeEvidence(
  deps: Deps,
  actor: Actor | null,
  mediaType: string,
  content: Uint8Array,
): Promise<StoredEvidence> {
  authorize(actor, 'report.create');
  if (content.byteLength === 0) throw invalid([{ path: 'body', message: 'the file is empty' }]);
  const check = SIGNATURES[mediaType];
  if (!check?.(content)) throw invalid([{ path: 'content-type', message: `the content is not ${mediaType}` }]);
  const sha256 = createHash('sha256').update(content).digest('hex');
  await insertEvidence(deps.db, {
    sha256,
    media_type: mediaType,
    size: content.byteLength,
    content,
    uploaded_by: actor?.userId ?? null,
    created_at: deps.clock.now(),
  });
  return { sha256, mediaType, size: content.byteLength };
}

export async function evidenceFile(
  deps: Deps,
  actor: Actor | null,
  sha256: string,
): Promise<{ mediaType: string; content: Uint8Array }> {
  authorize(actor, 'report.read');
  const row = await findEvidence(deps.db, sha256);
  if (!row) throw notFound('evidence');
  return { mediaType: row.media_type, content: row.content };
}
