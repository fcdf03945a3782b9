/** @module Record-change rows to API shapes: only what the public log entry already says. */
import type { LogChange } from '../contract/log.ts';
import type { ChangeRow } from '../repositories/record-changes.ts';

export function presentChange(c: ChangeRow): LogChange {
  return {
    logIndex: c.log_index,
    kind: c.record_kind,
    id: c.record_id,
    version: c.version,
    op: c.op,
    at: new Date(c.at).toISOString(),
    organisationId: c.actor_org_id,
    organisationName: c.organisation_name,
    userId: c.actor_user_id,
  };
}
