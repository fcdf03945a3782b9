/**
 * @module Evidence files: uploaded as the raw request body, stored once by SHA-256 (the same
 * photo sent twice is one row), limited in size and to a few types whose first bytes are
 * checked (a "photo" that is really a script is refused). Reports cite them by hash.
 */
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import type { AppEnv } from '../../register.ts';
import type { Deps } from '../../../services/deps.ts';
import { authorize } from '../../../domain/policy.ts';
import { invalid, notFound, ServiceError } from '../../../services/errors.ts';
import { actorFromRequest } from '../../http/authenticate.ts';
import { readLimitedBody } from '../../http/body.ts';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

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

const tooLarge = (max: number) => new ServiceError(413, 'Content Too Large', `evidence files are limited to ${max} bytes`);

export function mountEvidence(app: Hono<AppEnv>, deps: Deps): void {
  app.post('/api/evidence', async (c) => {
    const actor = await actorFromRequest(deps, c);
    authorize(actor, 'report.create');
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const check = SIGNATURES[mediaType];
    if (!check) throw new ServiceError(415, 'Unsupported Media Type', `evidence must be one of ${Object.keys(SIGNATURES).join(', ')}`);
    const content = await readLimitedBody(c.req.raw, MAX_EVIDENCE_BYTES, tooLarge);
    if (content.byteLength === 0) throw invalid([{ path: 'body', message: 'the file is empty' }]);
    if (!check(content)) throw invalid([{ path: 'content-type', message: `the content is not ${mediaType}` }]);
    const sha256 = createHash('sha256').update(content).digest('hex');
    await deps.db
      .insertInto('evidence')
      .values({ sha256, media_type: mediaType, size: content.byteLength, content, uploaded_by: actor.userId, created_at: deps.clock.now() })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    return c.json({ sha256, mediaType, size: content.byteLength }, 201);
  });

  app.get('/api/evidence/:sha256', async (c) => {
    const actor = await actorFromRequest(deps, c);
    authorize(actor, 'report.read');
    const sha256 = c.req.param('sha256');
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw invalid([{ path: 'sha256', message: 'must be 64 lowercase hex digits' }]);
    const row = await deps.db.selectFrom('evidence').select(['media_type', 'content']).where('sha256', '=', sha256).executeTakeFirst();
    if (!row) throw notFound('evidence');
    return c.body(Buffer.from(row.content), 200, {
      'content-type': row.media_type,
      'content-disposition': `attachment; filename="${sha256}"`,
      'x-content-type-options': 'nosniff',
      // Content-addressed: the bytes behind a hash never change.
      'cache-control': 'private, max-age=31536000, immutable',
    });
  });
}
