/** @module The Hono environment every part of the HTTP layer shares (its own file, so nothing imports register.ts for a type). */
import type { StreamCounter } from './http/rate-limit.ts';

export interface AppEnv {
  /** ip: the client address; streams: open live event streams per account (this process). */
  Variables: { ip: string; streams: StreamCounter };
}
