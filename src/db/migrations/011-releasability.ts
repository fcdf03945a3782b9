/**
 * @module Releasability of force and handover records (issue 10, finding 9): who may read each
 * record (`releasability`) and, where a record carries figures, who may read them
 * (`detail_releasability`, never looser). Milestones name the party that withdraws (the party
 * concerned). Existing rows take the defaults: figures, caveats and requirements stay within
 * the mission; a withdrawing party sees its own milestones and the units that take over.
 * Core PostgreSQL only: no extensions.
 */
import { sql, type Kysely } from 'kysely';
import { RELEASE_LEVELS } from '../../contract/enums.ts';

const levels = sql.raw(RELEASE_LEVELS.map((v) => `'${v}'`).join(', '));
const rank = (column: string) =>
  sql.raw(`array_position(array[${RELEASE_LEVELS.map((v) => `'${v}'`).join(', ')}]::text[], ${column})`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table contributions add column releasability text not null default 'public' check (releasability in (${levels}))`.execute(
    db,
  );
  await sql`alter table contributions add column detail_releasability text not null default 'mission' check (detail_releasability in (${levels}))`.execute(
    db,
  );
  await sql`alter table contributions add constraint contributions_detail_not_looser check (${rank('detail_releasability')} <= ${rank('releasability')})`.execute(
    db,
  );

  await sql`alter table deployments add column releasability text not null default 'party' check (releasability in (${levels}))`.execute(
    db,
  );
  await sql`alter table deployments add column detail_releasability text not null default 'mission' check (detail_releasability in (${levels}))`.execute(
    db,
  );
  await sql`alter table deployments add constraint deployments_detail_not_looser check (${rank('detail_releasability')} <= ${rank('releasability')})`.execute(
    db,
  );

  await sql`alter table sector_requirements add column releasability text not null default 'contributors' check (releasability in (${levels}))`.execute(
    db,
  );

  await sql`alter table handover_milestones add column releasability text not null default 'party' check (releasability in (${levels}))`.execute(
    db,
  );
  await sql`alter table handover_milestones add column party_id uuid references organisations(id)`.execute(db);
}
