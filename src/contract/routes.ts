/**
 * @module Every HTTP operation of the API, declared once. Adding a route here without a
 * handler fails type-checking in src/api/handlers.
 */
import { z } from 'zod';
import { route } from './route.ts';
import { IdParams, listOf } from './common.ts';
import {
  CreateOrganisation,
  CreateToken,
  CreateUser,
  ApiToken,
  ListTokensQuery,
  TokenRevoked,
  Mission,
  Organisation,
  OrganisationWritten,
  Session,
  SessionStatus,
  SignInRequest,
  TokenCreated,
  UpdateUser,
  User,
  UserWritten,
} from './accounts.ts';
import { Contribution, ContributionWritten, CreateContribution } from './contributions.ts';
import { LogChange, LogChangesQuery } from './log.ts';
import { Sitrep, SitrepQuery } from './sitrep.ts';
import { geoRoutes } from './routes/geo.ts';
import { monitoringRoutes } from './routes/monitoring.ts';
import { forceRoutes } from './routes/force.ts';
import { complianceRoutes } from './routes/compliance.ts';
import { logRoutes } from './routes/log.ts';

const Empty = z.object({});

export const routes = {
  signIn: route({
    method: 'post',
    path: '/api/session',
    tag: 'session',
    auth: 'public',
    status: 200,
    summary: 'Sign in with email and password; sets an HttpOnly session cookie and returns the CSRF token',
    body: SignInRequest,
    response: Session,
  }),
  getSession: route({
    method: 'get',
    path: '/api/session',
    tag: 'session',
    auth: 'account',
    status: 200,
    summary: 'The signed-in account and its CSRF token',
    response: Session,
  }),
  getSessionStatus: route({
    method: 'get',
    path: '/api/session/status',
    tag: 'session',
    auth: 'public',
    status: 200,
    summary:
      'Whether the session cookie names a live session (and then the account and its CSRF token); 200 either way',
    response: SessionStatus,
  }),
  signOut: route({
    method: 'delete',
    path: '/api/session',
    tag: 'session',
    auth: 'account',
    status: 204,
    summary: 'Sign out (ends the session)',
    response: Empty,
  }),
  getMission: route({
    method: 'get',
    path: '/api/mission',
    tag: 'mission',
    auth: 'account',
    status: 200,
    summary: 'The mission: name, force ceiling, approval quorum',
    response: Mission,
  }),
  listOrganisations: route({
    method: 'get',
    path: '/api/organisations',
    tag: 'organisations',
    auth: 'account',
    status: 200,
    summary: 'States, parties, international organisations, missions and NGOs',
    response: listOf(Organisation),
  }),
  createOrganisation: route({
    method: 'post',
    path: '/api/organisations',
    tag: 'organisations',
    auth: 'account',
    status: 201,
    summary: 'Add an organisation (admin)',
    body: CreateOrganisation,
    response: OrganisationWritten,
  }),
  listUsers: route({
    method: 'get',
    path: '/api/users',
    tag: 'users',
    auth: 'account',
    status: 200,
    summary: 'Accounts visible to the caller',
    response: listOf(User),
  }),
  createUser: route({
    method: 'post',
    path: '/api/users',
    tag: 'users',
    auth: 'account',
    status: 201,
    summary: 'Add an account (admin)',
    body: CreateUser,
    response: UserWritten,
  }),
  updateUser: route({
    method: 'patch',
    path: '/api/users/{id}',
    tag: 'users',
    auth: 'account',
    status: 200,
    summary: "Change an account's role or disable it (admin); recorded as a permission change",
    params: IdParams,
    body: UpdateUser,
    response: UserWritten,
  }),
  createToken: route({
    method: 'post',
    path: '/api/tokens',
    tag: 'users',
    auth: 'account',
    status: 201,
    summary: 'Create a bearer API token for the calling account, from a signed-in session only (rate-limited; expires)',
    body: CreateToken,
    response: TokenCreated,
  }),
  listTokens: route({
    method: 'get',
    path: '/api/tokens',
    tag: 'users',
    auth: 'account',
    status: 200,
    summary: "The calling account's API tokens (admins: scope=all for every account's); never the secrets",
    query: ListTokensQuery,
    response: listOf(ApiToken),
  }),
  revokeToken: route({
    method: 'delete',
    path: '/api/tokens/{id}',
    tag: 'users',
    auth: 'account',
    status: 200,
    summary: 'Revoke an API token (your own; admins any); recorded as a permission change',
    params: IdParams,
    response: TokenRevoked,
  }),
  listContributions: route({
    method: 'get',
    path: '/api/contributions',
    tag: 'force',
    auth: 'account',
    status: 200,
    summary: 'What each state or organisation offers the force',
    response: listOf(Contribution),
  }),
  createContribution: route({
    method: 'post',
    path: '/api/contributions',
    tag: 'force',
    auth: 'account',
    status: 201,
    summary: 'Record a contribution (coordinator, admin, or a liaison for their own organisation)',
    body: CreateContribution,
    response: ContributionWritten,
  }),
  listLogChanges: route({
    method: 'get',
    path: '/api/log/changes',
    tag: 'log',
    auth: 'account',
    status: 200,
    summary:
      "Changes in the record, newest first, with their log index (filter by record kind and id for one record's history)",
    query: LogChangesQuery,
    response: listOf(LogChange),
  }),
  getSitrep: route({
    method: 'get',
    path: '/api/sitrep',
    tag: 'reports',
    auth: 'account',
    status: 200,
    summary:
      'The daily situation report (Asia/Gaza day): monitoring, force, handover and compliance; as Markdown at /api/sitrep.md',
    query: SitrepQuery,
    response: Sitrep,
  }),
  getSitrepMarkdown: route({
    method: 'get',
    path: '/api/sitrep.md',
    tag: 'reports',
    auth: 'account',
    status: 200,
    summary: 'The daily situation report as Markdown (?date=YYYY-MM-DD, Asia/Gaza day)',
    query: SitrepQuery,
    produces: { kind: 'text', mediaType: 'text/markdown' },
  }),
  ...geoRoutes,
  ...monitoringRoutes,
  ...forceRoutes,
  ...complianceRoutes,
  ...logRoutes,
} as const;

export type Routes = typeof routes;
export type RouteId = keyof Routes;
