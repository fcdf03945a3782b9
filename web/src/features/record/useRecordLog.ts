/**
 * @module Reading the record of changes and checking entries in this browser: the proof comes
 * from the server, but the answer is computed here with the log's public key (verify.ts).
 */
import { useCallback, useEffect, useState } from 'react';
import type { LogChange, LogChangesQuery } from '../../../../src/contract/log.ts';
import { api } from '../../store/api.ts';
import { verifyEntry, VerificationFailed, type BrowserVerification } from './verify.ts';

export interface LogHead {
  origin: string;
  size: number;
  vkey: string;
  cosigners: number;
}

async function text(url: string): Promise<string> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.text();
}

let vkeyCache: Promise<string> | undefined;
/** The log's verifier key. Parties should compare it with the one they were given out of band. */
export const logVerifierKey = () => (vkeyCache ??= text('/log/vkey').then((k) => k.trim()));

export function useLogHead(): { head: LogHead | undefined; error: string | undefined } {
  const [head, setHead] = useState<LogHead>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    Promise.all([text('/log/checkpoint'), logVerifierKey()])
      .then(([cp, vkey]) => {
        const [origin = '', size = '0'] = cp.split('\n');
        const sigs = cp
          .slice(cp.indexOf('\n\n') + 2)
          .split('\n')
          .filter(Boolean).length;
        if (live) setHead({ origin, size: Number(size), vkey, cosigners: Math.max(0, sigs - 1) });
      })
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, []);
  return { head, error };
}

export function useChanges(query: Partial<LogChangesQuery>): {
  items: LogChange[] | undefined;
  error: string | undefined;
  reload: () => void;
} {
  const [items, setItems] = useState<LogChange[]>();
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(query);
  useEffect(() => {
    let live = true;
    api
      .call('listLogChanges', { query: JSON.parse(key) as LogChangesQuery })
      .then((r) => live && setItems(r.items))
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [key, tick]);
  return { items, error, reload: useCallback(() => setTick((t) => t + 1), []) };
}

export type Check =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'ok'; result: BrowserVerification }
  | { state: 'failed'; reason: string };

/** Fetches the entry's tlog-proof and verifies it here; also checks the entry names this change. */
export async function checkChange(change: Pick<LogChange, 'logIndex' | 'kind' | 'id' | 'version'>): Promise<Check> {
  if (change.logIndex === null) return { state: 'failed', reason: 'not in the log yet' };
  try {
    const res = await fetch(`/api/log/proof?index=${change.logIndex}`, { credentials: 'same-origin' });
    if (!res.ok) return { state: 'failed', reason: `proof not available (${res.status})` };
    const proof = (await res.json()) as { entry: string; bundle: string };
    const result = await verifyEntry(proof.entry, proof.bundle, await logVerifierKey());
    const e = result.entry;
    if (e.kind !== change.kind || e.id !== change.id || e.version !== change.version) {
      return {
        state: 'failed',
        reason: `the log entry is ${String(e.kind)} ${String(e.id)} v${String(e.version)}, not this change`,
      };
    }
    return { state: 'ok', result };
  } catch (err) {
    return {
      state: 'failed',
      reason: err instanceof VerificationFailed || err instanceof Error ? err.message : String(err),
    };
  }
}
