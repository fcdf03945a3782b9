/** @module What services need of the log: the index each of their changes got. The sequencer implements it. */

/** The transparency log as services see it: wait for committed changes to get their index. */
export interface LogPort {
  /** Resolves with the log index of each change id (in order), once sequenced. */
  indexesOf(changeIds: number[]): Promise<(number | null)[]>;
}
