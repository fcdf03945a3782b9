/**
 * @module The demo scenario: Gaza after the October 2025 ceasefire, from the news report of the
 * Paris meeting (9 Oct 2025) and public sources (see docs/ and the README's credits).
 * Plain data; `seed.ts` loads it through the same record-change path as any user write.
 */
import type {
  Capability,
  ContributionKind,
  ContributionStatus,
  ContributionUnit,
  OrgKind,
  Role,
} from '../contract/enums.ts';

export const DEMO_PASSWORD = 'ceasefire-demo-2025';

export const DEMO_MISSION = {
  name: 'International Stabilisation Force — Gaza',
  /** "Military experts have suggested that a combat-ready force ... could number up to 60,000." */
  forceCeiling: 60000,
  approvalQuorum: 2,
};

export interface DemoOrganisation {
  name: string;
  kind: OrgKind;
  country?: string;
  parent?: string;
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { name: 'France', kind: 'state', country: 'FR' },
  { name: 'Italy', kind: 'state', country: 'IT' },
  { name: 'Spain', kind: 'state', country: 'ES' },
  { name: 'Germany', kind: 'state', country: 'DE' },
  { name: 'United Kingdom', kind: 'state', country: 'GB' },
  { name: 'Canada', kind: 'state', country: 'CA' },
  { name: 'Indonesia', kind: 'state', country: 'ID' },
  { name: 'Azerbaijan', kind: 'state', country: 'AZ' },
  { name: 'Qatar', kind: 'state', country: 'QA' },
  { name: 'Egypt', kind: 'state', country: 'EG' },
  { name: 'Turkey', kind: 'state', country: 'TR' },
  { name: 'Saudi Arabia', kind: 'state', country: 'SA' },
  { name: 'Jordan', kind: 'state', country: 'JO' },
  { name: 'United Arab Emirates', kind: 'state', country: 'AE' },
  { name: 'United States', kind: 'state', country: 'US' },
  { name: 'European Union', kind: 'international_organisation' },
  { name: 'EUBAM Rafah', kind: 'mission', parent: 'European Union' },
  { name: 'United Nations', kind: 'international_organisation' },
  { name: 'International Committee of the Red Cross', kind: 'international_organisation' },
  { name: 'Civil-Military Coordination Center', kind: 'mission' },
  { name: 'Israel', kind: 'party', country: 'IL' },
  { name: 'Hamas', kind: 'party' },
];

export interface DemoUser {
  email: string;
  name: string;
  organisation: string;
  role: Role;
}

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@truce.example',
    name: 'Demo Administrator',
    organisation: 'Civil-Military Coordination Center',
    role: 'admin',
  },
  {
    email: 'coordinator@truce.example',
    name: 'Demo Coordinator',
    organisation: 'Civil-Military Coordination Center',
    role: 'coordinator',
  },
  { email: 'monitor.un@truce.example', name: 'Demo Monitor (UN)', organisation: 'United Nations', role: 'monitor' },
  { email: 'monitor.eu@truce.example', name: 'Demo Monitor (EUBAM)', organisation: 'EUBAM Rafah', role: 'monitor' },
  { email: 'liaison.id@truce.example', name: 'Demo Liaison (Indonesia)', organisation: 'Indonesia', role: 'liaison' },
  {
    email: 'liaison.icrc@truce.example',
    name: 'Demo Liaison (ICRC)',
    organisation: 'International Committee of the Red Cross',
    role: 'liaison',
  },
  { email: 'observer.il@truce.example', name: 'Demo Observer (Israel)', organisation: 'Israel', role: 'observer' },
  { email: 'observer.ps@truce.example', name: 'Demo Observer (Hamas)', organisation: 'Hamas', role: 'observer' },
];

export interface DemoContribution {
  organisation: string;
  kind: ContributionKind;
  capability: Capability;
  quantity: number | null;
  unit: ContributionUnit;
  status: ContributionStatus;
  caveats: string;
  note: string;
}

export const DEMO_CONTRIBUTIONS: DemoContribution[] = [
  {
    organisation: 'Indonesia',
    kind: 'forces',
    capability: 'infantry',
    quantity: 20000,
    unit: 'personnel',
    status: 'pledged',
    caveats: '',
    note: 'Pledged 20,000 troops in September 2025; later reported as up to 8,000.',
  },
  {
    organisation: 'Italy',
    kind: 'forces',
    capability: 'infantry',
    quantity: null,
    unit: 'personnel',
    status: 'interest',
    caveats: 'Only if an international force is formed.',
    note: 'Ready to send troops and to take part in rebuilding Gaza (9 Oct 2025).',
  },
  {
    organisation: 'EUBAM Rafah',
    kind: 'training',
    capability: 'border_monitors',
    quantity: null,
    unit: 'personnel',
    status: 'pledged',
    caveats: 'EUBAM Rafah mandate runs to 30 June 2026.',
    note: 'EU ready to rapidly relaunch its border training mission for Palestinian customs.',
  },
  {
    organisation: 'Azerbaijan',
    kind: 'forces',
    capability: 'unspecified',
    quantity: null,
    unit: 'personnel',
    status: 'interest',
    caveats: '',
    note: 'Expressed interest in supporting the force.',
  },
  {
    organisation: 'France',
    kind: 'other',
    capability: 'unspecified',
    quantity: null,
    unit: 'personnel',
    status: 'interest',
    caveats: 'Undecided.',
    note: '"It could be training, it could be equipment, it could possibly be forces" (French Foreign Ministry, 9 Oct 2025).',
  },
];
