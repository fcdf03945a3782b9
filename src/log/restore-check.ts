/**
 * @module Is this database's log at least what was already published? Compares the log head in
 * the database with the latest checkpoint copy kept outside it (checkpoint-copies.ts). A
 * database restored from an older backup is BEHIND: the entries between its size and the copy's
 * were seen by others and are missing here; appending new entries would fork the log (a
 * different entry at an index someone already holds a checkpoint for). A database whose tree at
 * the copy's size has another root has FORKED already. Either way the server must not write.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { bytesEqual, encodeBase64, rootFromTiles } from '../tlog/node.ts';
import type { CheckpointCopy } from './checkpoint-copies.ts';
import { readHashTile } from './tree-store.ts';
import { readSignedHeadIfAny } from './publish-store.ts';

export type LogStanding =
  | { kind: 'ok'; size: number }
  | { kind: 'behind'; size: number; published: number; missing: { from: number; to: number } }
  | { kind: 'forked'; size: number; published: number; root: string; publishedRoot: string };

export async function logStanding(db: Kysely<DB>, copy: CheckpointCopy | undefined): Promise<LogStanding> {
  const head = await readSignedHeadIfAny(db);
  const size = head?.size ?? 0;
  if (!copy) return { kind: 'ok', size };
  const published = copy.checkpoint.size;
  if (size < published) return { kind: 'behind', size, published, missing: { from: size, to: published - 1 } };
  const root = await rootFromTiles(published, async (level, index, width) => {
    const tile = await readHashTile(db, level, index, width);
    if (!tile) throw new Error(`log tile ${level}/${index} (width ${width}) is missing from the database`);
    return tile;
  });
  if (!bytesEqual(root, copy.checkpoint.root))
    return {
      kind: 'forked',
      size,
      published,
      root: encodeBase64(root),
      publishedRoot: encodeBase64(copy.checkpoint.root),
    };
  return { kind: 'ok', size };
}

/** What an operator is told when the server refuses to start on such a database. */
export function describeStanding(s: LogStanding, copyFile: string): string {
  if (s.kind === 'ok') return `the log (${s.size} entries) includes the checkpoint kept in ${copyFile}`;
  if (s.kind === 'behind')
    return (
      `the database's log has ${s.size} entries but a checkpoint of ${s.published} was already published ` +
      `(copy in ${copyFile}): entries ${s.missing.from}..${s.missing.to} are missing. ` +
      `Restore a newer backup (\`truce backup\` names each file by its log size), or recover as ` +
      `docs/operations.md ("A restore behind the published log") says. Starting would fork the log.`
    );
  return (
    `the database's log has another root (${s.root}) at size ${s.published} than the checkpoint ` +
    `published (${s.publishedRoot}, copy in ${copyFile}): this is not the log that was published. ` +
    `Restore the right backup; see docs/operations.md.`
  );
}

export class LogBehindError extends Error {
  constructor(
    readonly standing: Exclude<LogStanding, { kind: 'ok' }>,
    copyFile: string,
  ) {
    super(describeStanding(standing, copyFile));
  }
}
