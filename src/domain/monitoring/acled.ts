/**
 * @module ACLED's event taxonomy, spelled exactly as ACLED spells it (codebook 2023+), so
 * reports import from and export to ACLED data without a mapping table. The event type is
 * the "family" used to propose that two reports describe the same incident.
 */
export const ACLED_EVENT_TYPES = {
  Battles: ['Government regains territory', 'Non-state actor overtakes territory', 'Armed clash'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const satisfies Record<string, readonly string[]>;

export type AcledEventType = keyof typeof ACLED_EVENT_TYPES;
export const EVENT_TYPES = Object.keys(ACLED_EVENT_TYPES) as AcledEventType[];
export const SUB_EVENT_TYPES: readonly string[] = Object.values(ACLED_EVENT_TYPES).flat();

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
