/**
 * @module Typed caveats a consent may carry beside its free-text conditions. Typed, so Truce can
 * act on them: a deployment in an excluded sector is a handover finding.
 */
import { z } from 'zod';
import { Uuid } from '../../../contract/common.ts';

export const Caveat = z.discriminatedUnion('kind', [
  /** "Not in sector X": no unit under this decision may be deployed there. */
  z.strictObject({ kind: z.literal('exclude_sector'), sectorId: Uuid }),
]);
export type Caveat = z.infer<typeof Caveat>;
