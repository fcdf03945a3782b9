/**
 * @module The one way services write: a short transaction that changes records and appends
 * their changes, then (after commit) waits for the log to sequence them and announces the
 * changes to open pages. A failure anywhere inside rolls everything back and announces nothing,
 * so a rejected request changes nothing and tells no one.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Topic } from '../contract/routes.ts';
import type { Actor } from '../domain/policy.ts';
import type { RecordKindDefinition } from '../log/kinds/kind.ts';
import type { Deps } from './deps.ts';
import { appendChange, type ChangeInput, type ChangeOp, type RecordKind } from './records.ts';
import { conflict, notFound } from './errors.ts';

export type RecordFn = (change: ChangeInput) => Promise<number>;

/** Queues a live notification that `id` changed under `topic`; sent only once the write has committed. */
export type AnnounceFn = (topic: Topic, id: string) => void;

export interface Written<T> {
  value: T;
  /** Log index of the last change the write appended (the record the caller asked about). */
  logIndex: number | null;
}

export async function writeWithLog<T>(
  deps: Deps,
  work: (tx: Kysely<DB>, record: RecordFn, announce: AnnounceFn) => Promise<T>,
): Promise<Written<T>> {
  const changeIds: number[] = [];
  const announced: { topic: Topic; id: string }[] = [];
  const value = await deps.db.transaction().execute(async (tx) => {
    const record: RecordFn = async (change) => {
      const id = await appendChange(tx, change);
      changeIds.push(id);
      return id;
    };
    return work(tx, record, (topic, id) => announced.push({ topic, id }));
  });
  const indexes = changeIds.length === 0 ? [] : await deps.log.indexesOf(changeIds);
  // In the order announced, once the changes are in the log: a page that refetches sees them.
  for (const { topic, id } of announced) await deps.events.publish({ topic, id, at: deps.clock.now().toISOString() });
  return { value, logIndex: indexes[indexes.length - 1] ?? null };
}

/** A record with an optimistic version: every change makes the next one. */
interface Versioned {
  id: string;
  version: number;
}

/** One versioned update of one record: how to lock it, what it becomes and how to store that. */
export interface VersionedUpdate<Row extends Versioned> {
  /** Its record kind: the change is logged with the kind's public and restricted fields. */
  kind: RecordKindDefinition<RecordKind, Row>;
  /** What the record is called in a 404 or 409 ("milestone", "dispute"). */
  what: string;
  id: string;
  /** The version the caller saw; a different current version is a 409 (undefined: no check). */
  seen: number | undefined;
  /** The 409's wording (default: "the <what> is at version <current>, not <seen>"). */
  staleMessage?: (current: number, seen: number) => string;
  /** Reads the row `for update`, so concurrent updates of one record run one after the other. */
  lock(tx: Kysely<DB>, id: string): Promise<Row | undefined>;
  /** The record's next state, without the version (checks that refuse the change throw here). */
  next(current: Row): Row | Promise<Row>;
  /** Stores the next state (its version already counted up). */
  save(tx: Kysely<DB>, next: Row, current: Row): Promise<void>;
  op: ChangeOp;
  at: Date;
  actor: Actor | null;
  /** Announced after commit: the topic, and the id (default: the record's). */
  topic?: Topic;
  announceId?: (next: Row) => string;
}

/**
 * Locks the record, checks the version the caller saw, builds its next state (version + 1),
 * stores it, records the change in the log and queues the announcement: the steps every update
 * of a versioned record takes, inside the caller's `writeWithLog`.
 */
export async function updateVersioned<Row extends Versioned>(
  tx: Kysely<DB>,
  record: RecordFn,
  announce: AnnounceFn,
  u: VersionedUpdate<Row>,
): Promise<{ current: Row; next: Row }> {
  const current = await u.lock(tx, u.id);
  if (!current) throw notFound(u.what);
  if (u.seen !== undefined && u.seen !== current.version) {
    throw conflict(
      u.staleMessage
        ? u.staleMessage(current.version, u.seen)
        : `the ${u.what} is at version ${current.version}, not ${u.seen}`,
    );
  }
  const next = { ...(await u.next(current)), version: current.version + 1 };
  await u.save(tx, next, current);
  await record({
    kind: u.kind.kind,
    id: u.id,
    version: next.version,
    op: u.op,
    at: u.at,
    actor: u.actor,
    ...u.kind.fields(next),
  });
  if (u.topic) announce(u.topic, u.announceId ? u.announceId(next) : u.id);
  return { current, next };
}

/** One versioned update as a whole write (its own transaction, logged, announced after commit). */
export async function writeVersioned<Row extends Versioned>(
  deps: Deps,
  u: VersionedUpdate<Row>,
): Promise<Written<Row>> {
  const written = await writeWithLog(deps, (tx, record, announce) => updateVersioned(tx, record, announce, u));
  return { value: written.value.next, logIndex: written.logIndex };
}
