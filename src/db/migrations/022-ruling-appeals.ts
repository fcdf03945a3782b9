/**
 * @module Replies and appeals (issue 13): an incident may be `appealed` (in review again, by a
 * quorum of its own), its history holds the responsible party's `reply` and `appeal`, and each
 * mission sets who must decide (`monitoring_rules`). The checks of migration 004 are replaced
 * by ones naming the new values (a database created before knows only the old ones).
 */
import { sql, type Kysely } from 'kysely';
import { INCIDENT_ACTIONS, INCIDENT_STATUSES } from '../../contract/monitoring/enums.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table incidents drop constraint if exists incidents_status_check`.execute(db);
  await sql`alter table incidents add constraint incidents_status_check check (status in (${list(INCIDENT_STATUSES)}))`.execute(
    db,
  );
  await sql`alter table incident_events drop constraint if exists incident_events_action_check`.execute(db);
  await sql`
    alter table incident_events add constraint incident_events_action_check
    check (action in (${list(INCIDENT_ACTIONS)}))`.execute(db);
  await sql`
    create table monitoring_rules (
      id uuid primary key references missions(id),
      ruling_quorum integer not null check (ruling_quorum between 2 and 50),
      appeal_quorum integer not null check (appeal_quorum between 2 and 50),
      proposer_counts boolean not null,
      appeal_days integer not null check (appeal_days between 1 and 365),
      version integer not null,
      updated_at timestamptz not null
    )`.execute(db);
}
