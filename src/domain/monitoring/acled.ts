/**
 * @module ACLED's event taxonomy, spelled exactly as ACLED spells it (codebook 2023+), so
 * reports import from and export to ACLED data without a mapping table. The event type is
 * the "family" used to propose that two reports describe the same incident.
 */
import { ACLED_EVENT_TYPES } from '../../contract/monitoring/enums.ts';

export {
  ACLED_EVENT_TYPES,
  EVENT_TYPES,
  SUB_EVENT_TYPES,
  type AcledEventType,
} from '../../contract/monitoring/enums.ts';

/** True when `sub` is one of `type`'s sub-event types. */
export function isSubEventOf(type: string, sub: string): boolean {
  const subs: readonly string[] | undefined = (ACLED_EVENT_TYPES as Record<string, readonly string[]>)[type];
  return subs !== undefined && subs.includes(sub);
}

/** ACLED actor type codes (inter1/inter2); 0 = no such actor. */
export const ACLED_INTER_CODES = {
  0: 'None',
  1: 'State forces',
  2: 'Rebel groups',
  3: 'Political militias',
  4: 'Identity militias',
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
  8: 'External/Other forces',
} as const;
