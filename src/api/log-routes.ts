/**
 * @module Read-only C2SP endpoints under /log (public by design: every byte there is already
 * safe to publish), and GET /api/log/proof for a tlog-proof bundle of one entry.
 */
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { encodeBase64, formatTlogProof, inclusionProofFromTiles, parseTilePath, TILE_WIDTH, TlogError } from '../tlog/node.ts';
import { readEntry, readEntryBundle, readHashTile } from '../log/tree-store.ts';
import { problemResponse } from './http/problem.ts';
import type { AppEnv } from './register.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

function bytes(data: Uint8Array, cache: string): Response {
  return new Response(Buffer.from(data), { status: 200, headers: { 'content-type': 'application/octet-stream', 'cache-control': cache } });
}

export interface LogServing {
  /** Publish only checkpoints a quorum of witnesses cosigned (see src/log/publisher.ts). */
  witnessed: boolean;
}

/** The checkpoint this server publishes: the log's own, or the latest witness-cosigned one. */
async function checkpointRow(db: Kysely<DB>, serving: LogServing): Promise<{ size: number; checkpoint: string } | undefined> {
  if (serving.witnessed) return db.selectFrom('log_published').select(['size', 'checkpoint']).where('id', '=', 1).executeTakeFirst();
  return db.selectFrom('log_state').select(['size', 'checkpoint']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/**
 * The published head, reused for up to HEAD_TTL_MS by proof requests whose index it covers: a
 * proof against a checkpoint a moment old is just as valid, and it saves a query per proof.
 */
const HEAD_TTL_MS = 500;
function headCache(db: Kysely<DB>, serving: LogServing) {
  let cached: { size: number; checkpoint: string; at: number } | undefined;
  return async (index: number) => {
    if (cached && index < cached.size && Date.now() - cached.at < HEAD_TTL_MS) return cached;
    const head = await checkpointRow(db, serving);
    cached = head && { ...head, at: Date.now() };
    return head;
  };
}

const NOT_WITNESSED = 'no checkpoint has been cosigned by the witness quorum yet';

export function mountLog(app: Hono<AppEnv>, db: Kysely<DB>, verifierKey: string, serving: LogServing = { witnessed: false }): void {
  app.get('/log/checkpoint', async () => {
    const head = await checkpointRow(db, serving);
    if (!head) return problemResponse(503, 'Service Unavailable', NOT_WITNESSED);
    const { checkpoint } = head;
    return new Response(checkpoint, { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=2' } });
  });

  app.get('/log/vkey', () => new Response(`${verifierKey}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } }));

  app.get('/log/tile/*', async (c) => {
    let path;
    try {
      path = parseTilePath(c.req.path.slice('/log/'.length));
    } catch (err) {
      if (err instanceof TlogError) return problemResponse(404, 'Not Found', err.message);
      throw err;
    }
    const cache = path.width === TILE_WIDTH ? IMMUTABLE : 'public, max-age=2';
    const data =
      path.kind === 'entries'
        ? await readEntryBundle(db, path.index, path.width)
        : await readHashTile(db, path.level, path.index, path.width);
    if (!data) return problemResponse(404, 'Not Found', 'no such tile (yet)');
    return bytes(data, cache);
  });

  const headFor = headCache(db, serving);
  app.get('/api/log/proof', async (c) => {
    const index = Number(c.req.query('index'));
    if (!Number.isSafeInteger(index) || index < 0) {
      return problemResponse(400, 'Invalid request', 'index must be a non-negative integer', [{ path: 'query.index', message: 'must be a non-negative integer' }]);
    }
    const head = await headFor(index);
    if (!head) return problemResponse(503, 'Service Unavailable', NOT_WITNESSED);
    if (index >= head.size) return problemResponse(404, 'Not Found', `the published log has ${head.size} entries`);
    const proof = await inclusionProofFromTiles(index, head.size, async (level, n, width) => {
      const tile = await readHashTile(db, level, n, width);
      if (!tile) throw new Error(`tile ${level}/${n} missing`);
      return tile;
    });
    const entry = await readEntry(db, index);
    if (!entry) return problemResponse(500, 'Internal Server Error', 'entry missing from storage');
    return c.json({
      index,
      size: head.size,
      entry: encodeBase64(entry),
      bundle: formatTlogProof({ index, proof, checkpoint: head.checkpoint }),
    });
  });
}
