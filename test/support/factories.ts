/**
 * @module Test factories: each builds one record through its service (so the record change is
 * logged and every rule runs, as in production), with defaults that make a valid record and
 * overrides for what a test cares about. A test that needs "some coordinator" makes one here
 * rather than borrowing a demo identity, so it says what it depends on.
 *
 * Writes run as the console operator (`actor = null`) unless a test passes an actor: setting up
 * is not what the test checks. Names and emails carry a counter so records never collide.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CreateOrganisation, CreateToken, CreateUser } from '../../src/contract/accounts.ts';
import { CreateContribution } from '../../src/contract/contributions.ts';
import { CreateProvision } from '../../src/contract/compliance.ts';
import { CreateSector } from '../../src/contract/geo.ts';
import { CreateReport } from '../../src/contract/monitoring.ts';
import type { OrgKind, Role } from '../../src/contract/enums.ts';
import type { Actor } from '../../src/domain/policy.ts';
import type { Deps } from '../../src/services/deps.ts';
import { createOrganisation, createUser } from '../../src/services/accounts.ts';
import { createToken } from '../../src/services/tokens.ts';
import { actorOfPrincipal, signIn } from '../../src/services/sessions.ts';
import { findPrincipalById } from '../../src/repositories/users.ts';
import { createSector } from '../../src/services/geo.ts';
import { fileReport, type FiledReport } from '../../src/services/monitoring/reports.ts';
import { createContribution } from '../../src/services/contributions.ts';
import { createProvision } from '../../src/services/compliance/provisions.ts';
import type { OrganisationRow } from '../../src/repositories/organisations.ts';
import type { UserRow } from '../../src/repositories/users.ts';
import { createClient, type ApiClient } from '../../src/contract/client.ts';
import { signInAs, type SignedInClient } from './server.ts';

let counter = 0;
/** A name no other factory call in this process has produced. */
export const unique = (prefix: string): string => `${prefix} ${++counter}-${randomUUID().slice(0, 8)}`;

export const FACTORY_PASSWORD = 'factory-password-2025';

/** The kind of organisation each role usually belongs to (monitors: a monitoring body). */
const HOME_KIND: Record<Role, OrgKind> = {
  admin: 'mission',
  coordinator: 'mission',
  monitor: 'international_organisation',
  liaison: 'state',
  observer: 'party',
};

export async function makeOrganisation(
  deps: Deps,
  over: Partial<z.input<typeof CreateOrganisation>> = {},
): Promise<OrganisationRow> {
  const kind = over.kind ?? 'international_organisation';
  const input = CreateOrganisation.parse({
    name: unique(`Organisation (${kind})`),
    kind,
    ...(kind === 'state' ? { country: 'FR' } : {}),
    ...over,
  });
  return (await createOrganisation(deps, null, input)).value;
}

export interface MadeUser {
  row: UserRow;
  actor: Actor;
  email: string;
  password: string;
}

/** An existing account as the policy sees it (organisation chain included), acting as if signed in. */
export async function actorOfAccount(deps: Deps, userId: string): Promise<Actor> {
  const p = await findPrincipalById(deps.db, userId);
  if (!p) throw new Error(`no account ${userId}`);
  return actorOfPrincipal(p, 'session');
}

/** An account of `role`, in a new organisation of the kind that role usually has unless `organisationId` is given. */
export async function makeUser(
  deps: Deps,
  role: Role,
  over: Partial<Omit<z.input<typeof CreateUser>, 'role'>> = {},
): Promise<MadeUser> {
  const organisationId = over.organisationId ?? (await makeOrganisation(deps, { kind: HOME_KIND[role] })).id;
  const email = over.email ?? `${role}.${randomUUID().slice(0, 12)}@factory.example`;
  const input = CreateUser.parse({
    name: unique(`Test ${role}`),
    password: FACTORY_PASSWORD,
    ...over,
    email,
    organisationId,
    role,
  });
  const row = (await createUser(deps, null, input)).value;
  return {
    row,
    actor: await actorOfAccount(deps, row.id),
    email: row.email,
    password: input.password,
  };
}

/** A new account of `role` signed in through the API like a browser (cookie and CSRF token). */
export async function makeSignedIn(
  deps: Deps,
  baseUrl: string,
  role: Role,
  over: Partial<Omit<z.input<typeof CreateUser>, 'role'>> = {},
): Promise<SignedInClient & { user: MadeUser }> {
  const user = await makeUser(deps, role, over);
  return { ...(await signInAs(baseUrl, user.email, user.password)), user };
}

/** A session made by the sign-in service itself (no HTTP): the cookie value and CSRF token. */
export async function makeSession(
  deps: Deps,
  user: MadeUser,
  address = '127.0.0.1',
): Promise<{ token: string; csrfToken: string; cookie: string }> {
  const s = await signIn(deps, { email: user.email, password: user.password, address, deviceCookie: undefined });
  return { token: s.token, csrfToken: s.csrfToken, cookie: `truce_session=${s.token}` };
}

/** A bearer token for `user` and an API client that sends it. */
export async function makeToken(
  deps: Deps,
  user: MadeUser,
  baseUrl: string,
  over: Partial<z.input<typeof CreateToken>> = {},
): Promise<{ id: string; token: string; client: ApiClient }> {
  const made = (
    await createToken(deps, user.actor, user.row.id, CreateToken.parse({ label: unique('token'), ...over }))
  ).value;
  return { id: made.id, token: made.token, client: createClient({ baseUrl, token: made.token }) };
}

/** A square sector `size` degrees wide centred on `centre` (default: open sea west of the strip, clear of the demo). */
export async function makeSector(deps: Deps, over: { name?: string; centre?: [number, number]; size?: number } = {}) {
  const [lon, lat] = over.centre ?? [33.5, 31.5];
  const h = (over.size ?? 0.1) / 2;
  const ring = [
    [lon - h, lat - h],
    [lon + h, lat - h],
    [lon + h, lat + h],
    [lon - h, lat + h],
    [lon - h, lat - h],
  ];
  const input = CreateSector.parse({
    name: over.name ?? unique('Sector'),
    geometry: { type: 'Polygon', coordinates: [ring] },
  });
  return (await createSector(deps, null, input)).value;
}

/**
 * A report filed by `actor` (a monitor). The point must lie in a sector (`makeSector` or the
 * demo's); by default it happened an hour ago, so it is inside the intake window.
 */
export async function makeReport(
  deps: Deps,
  actor: Actor | null,
  at: [number, number],
  over: Partial<z.input<typeof CreateReport>> = {},
): Promise<FiledReport> {
  const input = CreateReport.parse({
    clientId: randomUUID(),
    occurredAt: new Date(deps.clock.now().getTime() - 3600_000).toISOString(),
    location: { type: 'Point', coordinates: at },
    eventType: 'Riots',
    subEventType: 'Mob violence',
    description: 'Seen from the roof of number 4.',
    source: { kind: 'public', name: 'Neighbour' },
    ...over,
  });
  return fileReport(deps, actor, input);
}

/** A contribution (default: 100 infantry, status `interest`) of `organisationId` (default: a new state). */
export async function makeContribution(
  deps: Deps,
  actor: Actor | null = null,
  over: Partial<z.input<typeof CreateContribution>> = {},
) {
  const organisationId = over.organisationId ?? (await makeOrganisation(deps, { kind: 'state' })).id;
  const input = CreateContribution.parse({
    kind: 'forces',
    capability: 'infantry',
    quantity: 100,
    unit: 'personnel',
    ...over,
    organisationId,
  });
  return (await createContribution(deps, actor, input)).value;
}

/** A provision (default: a phase-1 ceasefire milestone with no deadline) binding `partyIds` (default: a new party). */
export async function makeProvision(
  deps: Deps,
  actor: Actor | null = null,
  over: Partial<z.input<typeof CreateProvision>> = {},
) {
  const partyIds = over.partyIds ?? [(await makeOrganisation(deps, { kind: 'party' })).id];
  const input = CreateProvision.parse({
    phase: 1,
    title: unique('Provision'),
    type: 'ceasefire',
    deadline: { kind: 'none' },
    measure: { kind: 'milestone' },
    ...over,
    partyIds,
  });
  return (await createProvision(deps, actor, input)).value;
}
