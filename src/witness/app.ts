/**
 * @module A C2SP tlog-witness: `POST /add-checkpoint` cosigns a checkpoint of a log it trusts
 * only when it is proven consistent with the last checkpoint it cosigned for that log. A fork
 * (same size, different root) or a rollback (a smaller size) is refused, so a log cannot show
 * different histories to different parties without the witness noticing.
 */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import {
  cosigner,
  formatSignatureLine,
  parseAddCheckpointRequest,
  parseVerifierKey,
  TLOG_SIZE_CONTENT_TYPE,
  TlogError,
  witnessDecide,
  type NoteVerifier,
} from '../tlog/node.ts';
import type { WitnessDB } from './schema.ts';
import { readLimitedBody } from '../api/http/body.ts';
import { ServiceError } from '../services/errors.ts';
import { compareAndStore, readLogState, type WitnessKey } from './store.ts';

export interface WitnessOptions {
  db: Kysely<WitnessDB>;
  key: WitnessKey;
  /** Verifier keys of the logs this witness follows; the key name is the log's origin. */
  logVerifierKeys: readonly string[];
  now: () => Date;
  logger: Logger;
}

const MAX_BODY = 64 * 1024;
const text = (body: string, status: number, type = 'text/plain; charset=utf-8') =>
  new Response(body, { status, headers: { 'content-type': type } });

export function createWitnessApp(opts: WitnessOptions): Hono {
  const logs = new Map<string, NoteVerifier[]>();
  for (const vkey of opts.logVerifierKeys) {
    const v = parseVerifierKey(vkey);
    logs.set(v.name, [...(logs.get(v.name) ?? []), v]);
  }
  const signer = cosigner(opts.key.signer.name, opts.key.signer.privateKey, () =>
    Math.floor(opts.now().getTime() / 1000),
  );
  const app = new Hono();

  app.get('/', () => text(`Truce witness ${opts.key.signer.name}\n${opts.key.cosignerKey}\n`, 200));

  app.post('/add-checkpoint', async (c) => {
    let raw: Uint8Array;
    try {
      raw = await readLimitedBody(c.req.raw, MAX_BODY);
    } catch (err) {
      if (err instanceof ServiceError) return text(`${err.message}\n`, err.status);
      throw err;
    }
    let request;
    try {
      request = parseAddCheckpointRequest(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch (err) {
      if (err instanceof TlogError || err instanceof TypeError) return text(`${err.message}\n`, 400);
      throw err;
    }
    // Decide, then compare-and-store; if another request moved the state in between, decide again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const origin = request.checkpoint.split('\n', 1)[0] ?? '';
      const state = await readLogState(opts.db, origin);
      const decision = witnessDecide(state, request, logs);
      if (decision.status === 409) {
        opts.logger.warn({ origin, reason: decision.reason }, 'witness refused a checkpoint');
        return text(`${decision.size}\n`, 409, TLOG_SIZE_CONTENT_TYPE);
      }
      if (decision.status !== 200) {
        opts.logger.warn({ origin, status: decision.status, reason: decision.reason }, 'witness refused a checkpoint');
        return text(`${decision.reason}\n`, decision.status);
      }
      const stored = await compareAndStore(
        opts.db,
        decision.checkpoint.origin,
        request.oldSize,
        decision.newState,
        opts.now(),
      );
      if (stored) {
        const line = formatSignatureLine({
          name: signer.name,
          keyId: signer.keyId,
          signature: signer.sign(decision.body),
        });
        return text(line, 200);
      }
    }
    return text('busy: the log state kept changing; retry\n', 503);
  });
  return app;
}
