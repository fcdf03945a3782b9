/** @module `org add`, `user add`, `token create|list|revoke`: operator commands on the configured database. */
import type { Command } from 'commander';
import { z } from 'zod';
import { CreateOrganisation, CreateToken, CreateUser, Email } from '../contract/accounts.ts';
import { Uuid } from '../contract/common.ts';
import { createOrganisation, createUser } from '../services/accounts.ts';
import { createToken, revokeToken, tokens } from '../services/tokens.ts';
import { presentApiToken } from '../presenters/accounts.ts';
import { findOrganisation } from '../repositories/organisations.ts';
import { findPrincipalByEmail } from '../repositories/users.ts';
import { invalid, notFound } from '../services/errors.ts';
import { readStdin, withRuntime } from './with-runtime.ts';
import { parseInput } from './parse.ts';
import type { CliIo } from './io.ts';

export function registerAccountCommands(program: Command, io: CliIo): void {
  const org = program.command('org').description('manage organisations');
  org
    .command('add')
    .description('add an organisation (state, party, international_organisation, mission, ngo)')
    .requiredOption('--name <name>', 'exact name')
    .requiredOption('--kind <kind>', 'state | party | international_organisation | mission | ngo')
    .option('--country <iso>', 'ISO 3166-1 alpha-2 code (required for a state)')
    .action(async (o: { name: string; kind: string; country?: string }) => {
      const input = parseInput(CreateOrganisation, { name: o.name, kind: o.kind, country: o.country?.toUpperCase() });
      const w = await withRuntime(io, 'org add', (rt) => createOrganisation(rt.deps, null, input));
      io.stdout.write(`${w.value.id}\t${w.value.name}\n`);
    });

  const user = program.command('user').description('manage accounts');
  user
    .command('add')
    .description('add an account; the password is read from standard input')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--org <org>', 'organisation id or exact name')
    .requiredOption('--role <role>', 'admin | coordinator | monitor | liaison | observer')
    .requiredOption('--password-stdin', 'read the password from standard input')
    .action(async (o: { email: string; name: string; org: string; role: string }) => {
      const password = await readStdin(io);
      const w = await withRuntime(io, 'user add', async (rt) => {
        const organisation = await findOrganisation(rt.deps.db, o.org);
        if (!organisation) throw invalid([{ path: 'org', message: `no organisation with id or name "${o.org}"` }]);
        const input = parseInput(CreateUser, {
          email: o.email,
          name: o.name,
          organisationId: organisation.id,
          role: o.role,
          password,
        });
        return createUser(rt.deps, null, input);
      });
      io.stdout.write(`${w.value.id}\t${w.value.email}\t${w.value.role}\n`);
    });

  const token = program.command('token').description('manage API tokens');
  token
    .command('create')
    .description('create a bearer token for an account; prints it as the last line')
    .requiredOption('--email <email>')
    .option('--label <label>', 'what the token is for (kept out of the public log)', 'cli')
    .option('--expires <days>', 'lifetime in days (default TRUCE_TOKEN_DAYS, at most TRUCE_TOKEN_MAX_DAYS)')
    .action(async (o: { email: string; label: string; expires?: string }) => {
      const email = parseInput(z.object({ email: Email }), { email: o.email }).email;
      const input = parseInput(CreateToken, {
        label: o.label,
        ...(o.expires === undefined ? {} : { expiresInDays: Number(o.expires) }),
      });
      const w = await withRuntime(io, 'token create', async (rt) => {
        const principal = await findPrincipalByEmail(rt.deps.db, email);
        if (!principal) throw notFound(`account ${email}`);
        return createToken(rt.deps, null, principal.id, input);
      });
      io.stdout.write(`token id ${w.value.id} expires ${w.value.expiresAt.toISOString()}\n${w.value.token}\n`);
    });
  token
    .command('list')
    .description(
      "list API tokens (id, status, expiry, last use, label): one account's with --email, else every account's",
    )
    .option('--email <email>')
    .action(async (o: { email?: string }) => {
      const email =
        o.email === undefined ? undefined : parseInput(z.object({ email: Email }), { email: o.email }).email;
      const rows = await withRuntime(io, 'token list', async (rt) => {
        const owner = email === undefined ? undefined : await findPrincipalByEmail(rt.deps.db, email);
        if (email !== undefined && !owner) throw notFound(`account ${email}`);
        const now = rt.deps.clock.now();
        return (await tokens(rt.deps, null, { scope: 'all' }, owner?.id)).map((t) => presentApiToken(t, now));
      });
      for (const t of rows) {
        io.stdout.write([t.id, t.userId, t.status, t.expiresAt, t.lastUsedAt ?? '-', t.label].join('\t') + '\n');
      }
    });
  token
    .command('revoke')
    .description('revoke an API token at once (recorded in the log)')
    .argument('<id>', 'token id (from `truce token list`)')
    .action(async (id: string) => {
      const tokenId = parseInput(z.object({ id: Uuid }), { id }).id;
      const w = await withRuntime(io, 'token revoke', (rt) => revokeToken(rt.deps, null, tokenId));
      io.stdout.write(`revoked ${w.value.id}\n`);
    });
}
