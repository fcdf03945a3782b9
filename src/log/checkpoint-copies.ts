/**
 * @module Copies of the log's signed checkpoints kept OUTSIDE the database (a directory beside
 * the data, ideally on another disk or machine). A database restored from a backup carries its
 * own, older head; only a copy kept elsewhere can say that the mission had already published
 * more (see restore-check.ts). One file per log (named by a hash of its verifier key, so test
 * databases or a second mission on the same directory never mix), replaced atomically and
 * only ever raised: a smaller checkpoint never overwrites a larger one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openCheckpoint, parseVerifierKey, type Checkpoint } from '../tlog/node.ts';

export interface CheckpointCopy {
  /** The signed note as published. */
  note: string;
  checkpoint: Checkpoint;
  file: string;
}

export interface CheckpointCopies {
  /** Keeps `note` (a checkpoint signed by the log's key) unless a larger one is kept already. */
  save(note: string): void;
  /** The largest checkpoint kept for this log, verified against its key; undefined if none. */
  latest(): CheckpointCopy | undefined;
}

/** The copies of the log whose verifier key is `vkey`, in `dir`. */
export function fileCheckpointCopies(dir: string, vkey: string): CheckpointCopies {
  const verifier = parseVerifierKey(vkey);
  const name = `${createHash('sha256').update(vkey).digest('hex').slice(0, 16)}.checkpoint`;
  const file = path.join(dir, name);
  const read = (): CheckpointCopy | undefined => {
    let note: string;
    try {
      note = fs.readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    // A copy that does not verify is not evidence of anything: say so rather than ignore it.
    const { checkpoint } = openCheckpoint(note, [verifier]);
    return { note, checkpoint, file };
  };
  return {
    latest: read,
    save(note) {
      const { checkpoint } = openCheckpoint(note, [verifier]);
      const kept = read();
      if (kept && kept.checkpoint.size >= checkpoint.size) return;
      fs.mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      const fd = fs.openSync(tmp, 'w');
      try {
        fs.writeSync(fd, note);
        fs.fsyncSync(fd); // the copy must outlive a power cut just as the commit it follows
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
    },
  };
}

/**
 * Saves heads in the background, one write at a time, always the newest waiting one: under a
 * burst of integrations the copy follows within one write, without an fsync per integration
 * on the request path. `flush` waits for what was handed in so far (used on close).
 */
export function checkpointCopyKeeper(
  copies: CheckpointCopies,
  onError: (err: unknown) => void,
): { keep(note: string): void; flush(): Promise<void> } {
  let waiting: string | undefined;
  let running: Promise<void> | undefined;
  const drain = async (): Promise<void> => {
    while (waiting !== undefined) {
      const note = waiting;
      waiting = undefined;
      await new Promise<void>((resolve) => setImmediate(resolve));
      try {
        copies.save(note);
      } catch (err) {
        onError(err);
      }
    }
    running = undefined;
  };
  return {
    keep(note) {
      waiting = note;
      running ??= drain();
    },
    flush: () => running ?? Promise.resolve(),
  };
}
