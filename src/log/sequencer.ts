/**
 * @module The sequencer: drains committed record changes (the outbox) into the Merkle log.
 * One integration is one transaction that locks the single `log_state` row, so exactly one
 * sequencer integrates at a time even with many app servers on one PostgreSQL; the others
 * wait on the row lock and then find nothing (or only newer changes) to do. Batches are as
 * large as the queue (up to BATCH), so many concurrent writes cost one integration.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.ts';
import type { Clock } from '../adapters/clock.ts';
import type { LogPort } from './port.ts';
import { randomBytes } from 'node:crypto';
import { commitment, type ChangePayload } from './change-payload.ts';
import {
  appendEntries,
  appendLeafHashes,
  emptyRoot,
  leafHash,
  signCheckpoint,
  type TileTreeState,
} from '../tlog/node.ts';
import { ACTOR_SECRET_FIELD, encodeLeaf, formatAt } from './leaf.ts';
import type { LogKey } from './keys.ts';
import { loadTreeState, writeBatch } from './tree-store.ts';
import {
  assignIndexes,
  createHeadIfMissing,
  indexesOfChanges,
  insertActorSecrets,
  lockHead,
  loggedVersionsOf,
  pendingChanges,
  updateHead,
} from './outbox-store.ts';

const BATCH = 2048;
const WAIT_FOR_INDEX_MS = 10_000;

interface Cached {
  tree: TileTreeState;
  bundle: Uint8Array[];
}

export class Sequencer implements LogPort {
  private cache: Cached | undefined;
  private readonly assigned = new Map<number, number>();
  private waiters: (() => void)[] = [];
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  /** Called after each integration that added entries, with the new signed head (e.g. to ask witnesses to cosign). */
  onIntegrated: ((checkpoint: string) => void) | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly key: LogKey,
    private readonly origin: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Creates the empty log's signed head if the log has none yet. */
  async init(): Promise<void> {
    const checkpoint = signCheckpoint({ origin: this.origin, size: 0, root: emptyRoot(), extensions: [] }, [
      this.key.signer,
    ]);
    await createHeadIfMissing(this.db, {
      id: 1,
      size: 0,
      root: emptyRoot(),
      checkpoint,
      updated_at: this.clock.now(),
      leaf_v2_from: 0,
    });
  }

  /** Integrates pending changes now and then every `ms` (catches changes other processes left). */
  start(ms = 1000): void {
    this.timer = setInterval(() => void this.schedule(), ms);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Runs integration until the outbox is empty; concurrent calls share one run. */
  schedule(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      if (this.running) return;
      this.running = true;
      // Linger a moment so that concurrent writers share one integration (one commit, one
      // signature, one rewrite of the rightmost tiles) instead of paying for one each.
      if (this.lingerMs > 0) setTimeout(() => void this.run(), this.lingerMs);
      else void this.run();
    });
  }

  /** How long an integration waits for more changes to join it; 0 = start at once. */
  lingerMs = 0;

  async indexesOf(changeIds: number[]): Promise<(number | null)[]> {
    const deadline = Date.now() + WAIT_FOR_INDEX_MS;
    for (;;) {
      await this.schedule();
      const missing = changeIds.filter((id) => !this.assigned.has(id));
      if (missing.length > 0) {
        // Integrated by another app server, or by an earlier run of ours.
        const rows = await indexesOfChanges(this.db, missing);
        for (const r of rows) if (r.log_index !== null) this.assigned.set(r.id, r.log_index);
      }
      if (changeIds.every((id) => this.assigned.has(id)) || Date.now() > deadline) {
        const out = changeIds.map((id) => this.assigned.get(id) ?? null);
        for (const id of changeIds) this.assigned.delete(id);
        return out;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.waiters.length > 0) {
        // Changes of the callers waiting now were committed before this point, so one
        // integration covers them (more only if the outbox held more than a batch). Looping
        // until the outbox is empty would starve waiters under continuous load.
        const batch = this.waiters.splice(0);
        try {
          // Between batches, let the event loop read other requests: on PGlite a loop of queries
          // never reaches it by itself, and a bulk import leaves tens of thousands of changes.
          while ((await this.integrateOnce()) === BATCH) await new Promise((r) => setImmediate(r));
        } catch (err) {
          this.cache = undefined;
          this.logger.error({ err }, 'log integration failed; will retry');
        }
        for (const resolve of batch) resolve();
      }
    } finally {
      this.running = false;
    }
  }

  /** One batch in one transaction; returns how many changes it integrated. */
  async integrateOnce(): Promise<number> {
    const result = await this.db.transaction().execute(async (tx) => {
      const head = await lockHead(tx);
      const size = head.size;
      const pending = await pendingChanges(tx, BATCH);
      if (pending.length === 0) return undefined;

      const state = this.cache && this.cache.tree.size === size ? this.cache : await loadTreeState(tx, size);
      const prev = await previousIndexes(tx, pending, size);
      const actorSecrets: { change_id: number; field: string; salt: Uint8Array; value: string }[] = [];
      const leaves = pending.map((c, i) => {
        const payload = c.payload as ChangePayload;
        const format = formatAt(size + i, head.leaf_v2_from);
        let user = c.actor_user_id;
        if (format === 2 && user !== null) {
          // v2: the actor as a salted commitment; the opening stays in record_secrets.
          const salt = randomBytes(16);
          actorSecrets.push({ change_id: c.id, field: ACTOR_SECRET_FIELD, salt, value: JSON.stringify(user) });
          user = commitment(salt, user);
        }
        return encodeLeaf(format, {
          kind: c.record_kind,
          id: c.record_id,
          version: c.version,
          prev: prev.get(`${c.record_kind}\u0000${c.record_id}\u0000${c.version - 1}`) ?? null,
          at: c.at.toISOString(),
          org: c.actor_org_id,
          user,
          op: c.op,
          public: payload.public,
          commitments: payload.commitments,
        });
      });
      await insertActorSecrets(tx, actorSecrets);
      const appended = appendLeafHashes(state.tree, leaves.map(leafHash));
      const bundles = appendEntries(size, state.bundle, leaves);
      await writeBatch(tx, size, leaves, appended.tiles, bundles.bundles);
      await assignIndexes(
        tx,
        pending.map((c, i) => ({ id: c.id, index: size + i })),
      );
      const newSize = size + pending.length;
      const checkpoint = signCheckpoint({ origin: this.origin, size: newSize, root: appended.root, extensions: [] }, [
        this.key.signer,
      ]);
      await updateHead(tx, { size: newSize, root: appended.root, checkpoint, updated_at: this.clock.now() });
      return { pending, size, checkpoint, cache: { tree: appended.state, bundle: [...bundles.partial] } };
    });
    if (!result) return 0;
    // Only after commit: a rolled-back batch must not leave a cache ahead of the database.
    this.cache = result.cache;
    result.pending.forEach((c, i) => this.assigned.set(c.id, result.size + i));
    this.onIntegrated?.(result.checkpoint);
    return result.pending.length;
  }
}

/** Log index of each record's previous version: from this batch, else from the database. */
async function previousIndexes(
  tx: Kysely<DB>,
  pending: { id: number; record_kind: string; record_id: string; version: number }[],
  size: number,
): Promise<Map<string, number>> {
  const key = (kind: string, id: string, version: number) => `${kind}\u0000${id}\u0000${version}`;
  const map = new Map<string, number>();
  pending.forEach((c, i) => map.set(key(c.record_kind, c.record_id, c.version), size + i));
  const need = [
    ...new Set(
      pending
        .filter((c) => c.version > 1 && !map.has(key(c.record_kind, c.record_id, c.version - 1)))
        .map((c) => c.record_id),
    ),
  ];
  if (need.length > 0) {
    for (const r of await loggedVersionsOf(tx, need)) map.set(key(r.record_kind, r.record_id, r.version), r.log_index);
  }
  return map;
}
