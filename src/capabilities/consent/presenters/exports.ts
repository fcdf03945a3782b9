/**
 * @module Decisions as a table: the CSV export (HXL hashtags under the header, like the other
 * exports) and the lines of `truce consent list`. One row per decision the caller may read, with
 * its derived state and what awaits whom; never the deliberation notes, nor answers' texts
 * (conditions and reasons stay on the decision's page, where they are read in context).
 */
import { csvTable, type Column } from '../../../presenters/csv.ts';
import { iso } from '../log/fields.ts';
import type { DecisionsView, DecisionView } from '../services/view.ts';

type Names = DecisionsView['orgNames'];

const named = (ids: readonly string[], names: Names): string => ids.map((id) => names.get(id) ?? id).join('; ');

/** Required organisations whose latest answer is of one of `kinds`. */
function answering(v: DecisionView, kinds: readonly string[]): string[] {
  return [...v.status.latest.entries()].filter(([, a]) => a !== null && kinds.includes(a.answer)).map(([org]) => org);
}

const COLUMNS: readonly Column<DecisionView, Names>[] = [
  ['id', '#meta+id', (v) => v.row.id],
  ['kind', '#indicator+type', (v) => v.row.kind],
  ['title', '#indicator+name', (v) => v.row.title],
  ['state', '#status', (v) => v.status.state],
  ['rule_met', '#indicator+rule_met', (v) => v.status.ruleMet],
  ['subjects', '#meta+subject', (v) => v.row.subjects.map((s) => `${s.kind}:${s.id}`).join('; ')],
  ['required', '#group+required', (v, names) => named(v.row.required_org_ids, names)],
  ['quorum', '#indicator+quorum', (v) => v.row.quorum],
  ['consented', '#group+consented', (v, names) => named(answering(v, ['consent', 'consent_with_conditions']), names)],
  ['objected', '#group+objected', (v, names) => named(answering(v, ['objection', 'withdrawal']), names)],
  ['abstained', '#group+abstained', (v, names) => named(answering(v, ['abstention']), names)],
  ['awaiting', '#group+awaiting', (v, names) => named(v.status.awaiting, names)],
  ['proposed_at', '#date+proposed', (v) => iso(v.row.proposed_at)],
  ['due_at', '#date+due', (v) => iso(v.row.due_at)],
  ['adopted_at', '#date+adopted', (v) => v.status.adoptedAt],
  ['cancelled_at', '#date+cancelled', (v) => (v.row.cancelled_at === null ? null : iso(v.row.cancelled_at))],
  ['version', '#meta+version', (v) => v.row.version],
];

export function decisionsCsv(view: DecisionsView): string {
  return csvTable(COLUMNS, view.decisions, view.orgNames);
}

/** `truce consent list`: one block per decision, its state and, while open, whose answer it awaits. */
export function decisionsText(view: DecisionsView): string {
  if (view.decisions.length === 0) return 'no decisions\n';
  return view.decisions
    .map((v) => {
      const lines = [`${v.status.state.padEnd(9)} ${v.row.kind.padEnd(12)} ${v.row.title}`, `  id ${v.row.id}`];
      lines.push(`  due ${iso(v.row.due_at)}${v.status.adoptedAt ? `, adopted ${v.status.adoptedAt}` : ''}`);
      const open = v.status.state === 'pending' || v.status.state === 'blocked';
      if (open && v.status.awaiting.length > 0) lines.push(`  awaits ${named(v.status.awaiting, view.orgNames)}`);
      const refusing = answering(v, ['objection', 'withdrawal']);
      if (refusing.length > 0) lines.push(`  objected by ${named(refusing, view.orgNames)}`);
      if (v.status.state === 'adopted' && !v.status.ruleMet) lines.push('  rule no longer met (consent withdrawn)');
      return lines.join('\n');
    })
    .join('\n')
    .concat('\n');
}
