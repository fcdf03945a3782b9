/**
 * @module Record-change rows to API shapes: only what the public log entry already says, plus
 * the acting account's id for readers who may list every account (the log itself holds only a
 * commitment to it, so a party cannot follow a monitor from change to change).
 */
import type { LogChange } from '../contract/log.ts';
import { can, type Actor } from '../domain/policy.ts';
import type { ChangeRow } from '../repositories/record-changes.ts';

export function presentChange(c: ChangeRow, viewer: Actor | null): LogChange {
  const showUser = viewer === null || can(viewer, 'user.read') || c.actor_user_id === viewer.userId;
  return {
    logIndex: c.log_index,
    kind: c.record_kind,
    id: c.record_id,
    version: c.version,
    op: c.op,
    at: new Date(c.at).toISOString(),
    organisationId: c.actor_org_id,
    organisationName: c.organisation_name,
    userId: showUser ? c.actor_user_id : null,
  };
}
