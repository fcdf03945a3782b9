/**
 * @module The state every form shows around one write: pending while it runs, then either saved
 * or the reason it was refused (kept until the next attempt).
 */
import { useState } from 'react';
import type { AppError } from '../../store/errors.ts';

export type WriteResult = { ok: true } | { ok: false; error: AppError };

export interface WriteState {
  pending: boolean;
  error: AppError | null;
  saved: boolean;
  /** Runs the write; resolves with whether it was saved (the caller then clears its fields). */
  run(action: () => Promise<WriteResult>): Promise<boolean>;
}

export function useWrite(): WriteState {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const run = async (action: () => Promise<WriteResult>): Promise<boolean> => {
    setPending(true);
    setSaved(false);
    const result = await action();
    setPending(false);
    setError(result.ok ? null : result.error);
    setSaved(result.ok);
    return result.ok;
  };
  return { pending, error, saved, run };
}
