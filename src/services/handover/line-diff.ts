/** @module The area difference between two versions of a control line (same line or not). */
import { authorize, type Actor } from '../../domain/policy.ts';
import { diffHeldAreas, type Area, type LineDiff } from '../../domain/handover/line-diff.ts';
import { findControlLineVersion as findVersion, type ControlLineRow } from '../../repositories/control-lines.ts';
import type { Deps } from '../deps.ts';
import { invalid } from '../errors.ts';

export async function controlLineDiff(
  deps: Deps,
  actor: Actor | null,
  fromId: string,
  toId: string,
): Promise<{ from: ControlLineRow; to: ControlLineRow; diff: LineDiff }> {
  authorize(actor, 'handover.read');
  const [from, to] = await Promise.all([findVersion(deps.db, fromId), findVersion(deps.db, toId)]);
  const errors = [];
  if (!from) errors.push({ path: 'from', message: 'no such control-line version' });
  else if (from.held_area === null) errors.push({ path: 'from', message: 'this version has no held area to compare' });
  if (!to) errors.push({ path: 'to', message: 'no such control-line version' });
  else if (to.held_area === null) errors.push({ path: 'to', message: 'this version has no held area to compare' });
  if (!from || !to || errors.length > 0) throw invalid(errors);
  return { from, to, diff: diffHeldAreas(from.held_area as Area, to.held_area as Area) };
}
