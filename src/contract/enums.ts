/**
 * @module Constants shared by the server, the web UI and the CLI: one source for every enum.
 */

export const ROLES = ['admin', 'coordinator', 'monitor', 'liaison', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = ['state', 'party', 'international_organisation', 'mission', 'ngo'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const CONTRIBUTION_KINDS = ['forces', 'police', 'training', 'equipment', 'money', 'other'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** Force generation follows UN PCRS; money follows OCHA FTS (pledge -> commitment -> paid). */
export const CONTRIBUTION_STATUSES = [
  'interest',
  'pledged',
  'pcrs1',
  'pcrs2',
  'pcrs3',
  'rapid',
  'deployed',
  'rotated',
  'withdrawn',
  'committed',
  'paid',
] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

export const CONTRIBUTION_UNITS = ['personnel', 'items', 'currency'] as const;
export type ContributionUnit = (typeof CONTRIBUTION_UNITS)[number];

export const CAPABILITIES = [
  'infantry',
  'formed_police_unit',
  'police_trainers',
  'engineers',
  'medical',
  'border_monitors',
  'logistics',
  'aviation',
  'staff_officers',
  'funding',
  'unspecified',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/**
 * Who may read a force or handover record, strictest first: `mission` (coordinators, admins,
 * monitors), `contributors` (plus contributing organisations' liaisons), `party` (plus the party
 * concerned: the one withdrawing from the sector), `public` (every account).
 */
export const RELEASE_LEVELS = ['mission', 'contributors', 'party', 'public'] as const;
export type ReleaseLevel = (typeof RELEASE_LEVELS)[number];

/** Request body ceiling for JSON APIs; larger uploads (evidence) get their own limits. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
export const MIN_PASSWORD_LENGTH = 12;

/**
 * The calendar the API accepts (dates and instants, inclusive): wide enough for any record a
 * mission keeps, narrow enough that a day's window, a deadline or a series never leaves what
 * every engine and `Date` can represent (year 9999 + one day is not a valid ISO date).
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';
