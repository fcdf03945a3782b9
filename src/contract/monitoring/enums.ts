/**
 * @module Monitoring constants shared by the server, the web UI and the pure rules: ACLED's event
 * taxonomy (spelled exactly as ACLED spells it, codebook 2023+), the incident statuses and
 * outcomes, and why an approval may not count. The contract owns them so that it depends on
 * zod only; domain/monitoring re-exports them beside the rules that use them.
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

export const INCIDENT_STATUSES = [
  'alleged',
  'preliminary',
  'investigating',
  'ruling_proposed',
  'ruled',
  'published',
  // The party named responsible appealed the ruling: in review again, by a quorum of its own.
  'appealed',
  'closed',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const OUTCOMES = ['violation', 'no_violation', 'insufficient_evidence', 'access_denied'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const NOT_COUNTED_REASONS = [
  'no_account',
  'disabled',
  'not_a_monitor',
  'moved',
  'not_a_monitoring_organisation',
  // The mission's rules may say the proposer's organisation does not count for its own proposal.
  'proposer_organisation',
] as const;

/** What happened to an incident, one history event each (a party's reply and appeal included). */
export const INCIDENT_ACTIONS = [
  'create',
  'transition',
  'approve',
  'contest',
  'assign',
  'merge',
  'split',
  'reply',
  'appeal',
] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];
export type NotCountedReason = (typeof NOT_COUNTED_REASONS)[number];
