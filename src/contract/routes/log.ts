/**
 * @module The transparency log's read-only routes: the C2SP endpoints under /log (public by
 * design: every byte there is already safe to publish) and a tlog-proof bundle of one entry.
 * They are served only by a server that holds the log's key (see src/api/log-routes.ts).
 */
import { z } from 'zod';
import { route } from '../route.ts';

const NON_NEGATIVE = 'must be a non-negative integer';

export const ProofQuery = z.object({
  index: z
    .string({ error: NON_NEGATIVE })
    .regex(/^\d+$/, NON_NEGATIVE)
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n), NON_NEGATIVE),
});

export const LogProof = z.object({
  index: z.number().int(),
  size: z.number().int(),
  /** The entry's bytes, base64. */
  entry: z.string(),
  /** The tlog-proof bundle (C2SP): inclusion proof and signed checkpoint. */
  bundle: z.string(),
});

export const TileParams = z.object({ path: z.string() });

export const logRoutes = {
  getLogProof: route({
    method: 'get',
    path: '/api/log/proof',
    tag: 'log',
    auth: 'public',
    status: 200,
    summary: 'tlog-proof bundle (inclusion proof + signed checkpoint) and the entry at ?index=N (public, like the log)',
    query: ProofQuery,
    response: LogProof,
  }),
  getLogCheckpoint: route({
    method: 'get',
    path: '/log/checkpoint',
    tag: 'log',
    auth: 'public',
    status: 200,
    summary: 'C2SP signed checkpoint (witness-cosigned when witnesses are configured)',
    produces: { kind: 'text', mediaType: 'text/plain' },
  }),
  getLogVkey: route({
    method: 'get',
    path: '/log/vkey',
    tag: 'log',
    auth: 'public',
    status: 200,
    summary: "The log's Ed25519 verifier key",
    produces: { kind: 'text', mediaType: 'text/plain' },
  }),
  getLogTile: route({
    method: 'get',
    path: '/log/tile/{path}',
    restParam: 'path',
    tag: 'log',
    auth: 'public',
    status: 200,
    summary:
      'C2SP tlog-tiles: a hash tile ({L}/{N}) or an entry bundle (entries/{N}); full tiles immutable, partial ones as .p/{W}',
    params: TileParams,
    produces: { kind: 'binary', mediaType: 'application/octet-stream' },
  }),
} as const;
