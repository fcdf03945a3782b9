/**
 * @module Witnessed publishing. After the sequencer signs a checkpoint, send it to every
 * configured witness (tlog-witness add-checkpoint, with a consistency proof from the size that
 * witness last cosigned) and publish it only once a quorum of them has cosigned it. Any app
 * server may run this: witnesses refuse stale or conflicting requests (409) and the published
 * row only ever grows.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.ts';
import type { Clock } from '../adapters/clock.ts';
import { publishedSize, raisePublished, raiseWitnessedSize, readSignedHead, witnessedSize } from './publish-store.ts';
import {
  consistencyProofFromTiles,
  formatAddCheckpointRequest,
  openCosignatures,
  parseCosignerKey,
  parseNote,
  parseSignatureLine,
  formatSignatureLine,
  TlogError,
  type NoteSignature,
  type NoteVerifier,
} from '../tlog/node.ts';
import { readHashTile } from './tree-store.ts';

export interface WitnessEndpoint {
  /** Base URL; requests go to `${url}/add-checkpoint`. */
  url: string;
  /** The witness's cosigner verifier key (type 0x04). */
  cosignerKey: string;
}

/** Parses `TRUCE_WITNESSES`: whitespace-separated `<cosigner vkey>@<url>` entries. */
export function parseWitnessList(value: string): WitnessEndpoint[] {
  return value
    .split(/\s+/)
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf('@');
      if (at <= 0) throw new Error(`TRUCE_WITNESSES: "${entry}" is not <cosigner vkey>@<url>`);
      const cosignerKey = entry.slice(0, at);
      const url = entry.slice(at + 1).replace(/\/+$/, '');
      parseCosignerKey(cosignerKey); // throws a clear error for a bad key
      new URL(url);
      return { url, cosignerKey };
    });
}

/** A witness URL as it may be logged: without any user:password it carries. */
function safeUrl(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  return u.toString();
}

type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

export class WitnessPublisher {
  private readonly verifiers: Map<string, NoteVerifier>;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly witnesses: readonly WitnessEndpoint[],
    private readonly quorum: number,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly fetchFn: FetchFn = (url, init) => fetch(url, init),
  ) {
    if (quorum < 1 || quorum > witnesses.length)
      throw new Error(`witness quorum ${quorum} must be between 1 and ${witnesses.length}`);
    this.verifiers = new Map(witnesses.map((w) => [w.cosignerKey, parseCosignerKey(w.cosignerKey)]));
  }

  /** Publishes now and then every `ms` (a witness that was down catches up). */
  start(ms = 1000): void {
    this.timer = setInterval(() => void this.kick(), ms);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Runs one publication round; concurrent calls share it (and trigger one more round after). */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.publishOnce();
        } while (this.again);
      } catch (err) {
        this.logger.error({ err }, 'witnessed publication failed; will retry');
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** One round: returns the published size afterwards. */
  async publishOnce(): Promise<number> {
    const head = await readSignedHead(this.db);
    const published = await publishedSize(this.db);
    if (head.size === 0 || (published !== undefined && published >= head.size)) return published ?? 0;

    const results = await Promise.all(this.witnesses.map((w) => this.ask(w, head.size, head.checkpoint)));
    const cosignatures = results.filter((r): r is NoteSignature => r !== null);
    if (cosignatures.length < this.quorum) {
      this.logger.warn(
        { size: head.size, cosigned: cosignatures.length, quorum: this.quorum },
        'checkpoint not published: witness quorum not reached',
      );
      return published ?? 0;
    }
    const note = head.checkpoint + cosignatures.map(formatSignatureLine).join('');
    await raisePublished(this.db, head.size, note, this.clock.now());
    return head.size;
  }

  /** Asks one witness to cosign; null when it refuses or cannot be reached. */
  private async ask(w: WitnessEndpoint, size: number, checkpoint: string): Promise<NoteSignature | null> {
    let oldSize = (await witnessedSize(this.db, w.cosignerKey)) ?? 0;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (oldSize > size) return null; // the witness has seen more than this server's head: a newer round will do
      let res: Response;
      try {
        const proof =
          oldSize > 0 && oldSize < size
            ? await consistencyProofFromTiles(oldSize, size, (l, n, width) => this.tile(l, n, width))
            : [];
        res = await this.fetchFn(`${w.url}/add-checkpoint`, {
          method: 'POST',
          body: formatAddCheckpointRequest({ oldSize, proof, checkpoint }),
          signal: AbortSignal.timeout(5000),
        });
      } catch (err) {
        this.logger.warn({ err, witness: safeUrl(w.url) }, 'witness unreachable');
        return null;
      }
      const body = await res.text();
      if (res.status === 409) {
        const theirs = Number(body.trim());
        if (!Number.isSafeInteger(theirs) || theirs === oldSize) return null;
        oldSize = theirs;
        continue;
      }
      if (res.status !== 200) {
        this.logger.warn(
          { witness: safeUrl(w.url), status: res.status, reason: body.trim() },
          'witness refused our checkpoint',
        );
        return null;
      }
      const sig = this.checkCosignature(w, checkpoint, body);
      if (sig) await this.remember(w, size);
      return sig;
    }
    return null;
  }

  private checkCosignature(w: WitnessEndpoint, checkpoint: string, body: string): NoteSignature | null {
    const verifier = this.verifiers.get(w.cosignerKey)!;
    try {
      const lines = body.split('\n').filter(Boolean).map(parseSignatureLine);
      const mine = lines.find((l) => l.name === verifier.name && l.keyId === verifier.keyId);
      if (!mine) return null;
      const note = parseNote(checkpoint + formatSignatureLine(mine));
      return openCosignatures(note, [verifier]).length === 1 ? mine : null;
    } catch (err) {
      if (err instanceof TlogError) {
        this.logger.warn({ witness: safeUrl(w.url), err: err.message }, 'witness sent an invalid cosignature');
        return null;
      }
      throw err;
    }
  }

  private async remember(w: WitnessEndpoint, size: number): Promise<void> {
    await raiseWitnessedSize(this.db, w.cosignerKey, size, this.clock.now());
  }

  private async tile(level: number, index: number, width: number): Promise<Uint8Array> {
    const t = await readHashTile(this.db, level, index, width);
    if (!t) throw new Error(`tile ${level}/${index} missing`);
    return t;
  }
}
