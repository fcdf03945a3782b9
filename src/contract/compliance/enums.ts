/** @module Compliance constants shared by the server, the web UI and the pure rules. */

/** Derived from the facts only; a party's open dispute is a separate flag (`disputed`), never a status. */
export const PROVISION_STATUSES = ['not_started', 'in_progress', 'fulfilled', 'late', 'breached'] as const;
export type ProvisionStatus = (typeof PROVISION_STATUSES)[number];

/** count: a target; ratio: per unit of another provision; rate: per day from the deadline on; milestone: once; judgement: the PAM score. */
export const MEASURE_KINDS = ['count', 'ratio', 'rate', 'milestone', 'judgement'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** Provision types from the Peace Accords Matrix list (Kroc Institute), plus `other`. */
export const PROVISION_TYPES = [
  'ceasefire',
  'withdrawal_of_troops',
  'prisoner_release',
  'amnesty',
  'disarmament',
  'demobilisation',
  'reintegration',
  'police_reform',
  'military_reform',
  'refugees',
  'internally_displaced_persons',
  'un_peacekeeping_force',
  'verification_monitoring_mechanism',
  'donor_support',
  'boundary_demarcation',
  'other',
] as const;
export type ProvisionType = (typeof PROVISION_TYPES)[number];

/** Where calendar-day deadlines are counted (the agreement's local time). */
export const AGREEMENT_TIME_ZONE = 'Asia/Gaza';

export const DISPUTE_STATUSES = ['open', 'upheld', 'rejected'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const DISPUTE_OUTCOMES = ['upheld', 'rejected'] as const;

/** The ownership target of a provision without an intermediary: no organisation owns it, so only `all` grants apply. */
export const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';
