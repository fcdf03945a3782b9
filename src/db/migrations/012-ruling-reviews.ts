/**
 * @module Joint verification counts monitoring bodies, judged at decision time (issue 10): two
 * monitors of one organisation may each review a proposed ruling (the body counts once), and a
 * monitor moved to another organisation may review again for the new one. So the one-review
 * rule becomes per account and organisation and round, instead of per organisation and round
 * (which also let an approval by a since-disabled monitor block its colleagues for good).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index incident_events_one_vote`.execute(db);
  await sql`
    create unique index incident_events_one_review on incident_events (incident_id, round, actor_user_id, actor_org_id)
    where action in ('approve', 'contest')`.execute(db);
}
