/**
 * @module The situation report as Markdown: short, numbers first, the way a duty officer reads it
 * at the morning briefing. Allegations, incidents and ruled violations stay apart.
 */
import type { Sitrep } from '../contract/sitrep.ts';

const n = (v: number) => v.toLocaleString('en');
const day = (iso: string | null) => (iso === null ? 'no deadline' : `${iso.slice(0, 16).replace('T', ' ')} UTC`);

export function sitrepMarkdown(r: Sitrep): string {
  const lines: string[] = [];
  lines.push(`# Situation report, ${r.date} (${r.timeZone})`, '');
  lines.push(
    `Covers ${r.from} to ${r.to}; generated ${r.generatedAt}. Every figure below comes from the record, whose ${n(r.log.entries)} changes are in the verifiable log (${n(r.log.changesThatDay)} that day).`,
    '',
  );

  lines.push('## Ceasefire monitoring', '');
  lines.push(
    `- Reports filed that day (allegations): ${n(r.monitoring.reportsFiled)}; changes to incidents: ${n(r.monitoring.incidentChanges)}`,
  );
  const t = r.monitoring.totals;
  lines.push(
    `- To date: ${n(t.reports)} reports, ${n(t.incidents)} incidents, ${n(t.ruledViolations)} ruled violations (${n(t.publishedViolations)} published)`,
    '',
  );

  lines.push('## Force generation', '');
  const partial = r.releasedTo !== 'mission';
  if (partial) lines.push('_Figures and findings below cover only the force records released to your account._', '');
  lines.push(
    `- Required ${n(r.force.required)}, deployed ${n(r.force.deployed)}, confirmed (PCRS 2+) ${n(r.force.confirmed)}, pledged ${n(r.force.pledged)}; gap ${n(r.force.gap)} (pledges never count as deployed)`,
  );
  for (const c of r.force.byCapability)
    lines.push(
      `  - ${c.capability.replace(/_/g, ' ')}: ${n(c.deployed)} of ${n(c.required)} deployed, gap ${n(c.gap)}`,
    );
  lines.push('');

  lines.push('## Handover', '');
  if (r.handover.length === 0)
    lines.push(
      partial ? '- No finding released to you.' : '- No finding: every sector has a responsible force at strength.',
    );
  for (const f of r.handover) lines.push(`- **${f.kind}** in ${f.sectorName}, ${f.from} to ${f.to}`);
  lines.push('');

  lines.push('## Agreement compliance', '');
  lines.push(
    `- Provisions by status: ${
      Object.entries(r.compliance.byStatus)
        .map(([s, c]) => `${s.replace(/_/g, ' ')} ${c}`)
        .join(', ') || 'none'
    }`,
  );
  lines.push(`- Delivery events that day: ${n(r.compliance.deliveriesThatDay)}`);
  lines.push(`- Provisions with an open dispute (a flag; the status stands): ${n(r.compliance.disputed)}`);
  for (const p of r.compliance.late) {
    const disputed = p.disputedBy.length === 0 ? '' : `; disputed by ${p.disputedBy.join(', ')}`;
    lines.push(
      `- ${p.status === 'breached' ? 'Breached' : 'Late'}: ${p.title} (deadline ${day(p.deadline)}; ${n(p.delivered)} delivered${p.dueNow === null ? '' : ` of ${n(p.dueNow)} due`}${disputed})`,
    );
  }
  for (const p of r.compliance.dueWithinAWeek) lines.push(`- Due within a week: ${p.title} (${day(p.deadline)})`);
  lines.push('');

  lines.push('## Decisions and consent', '');
  const c = r.consent;
  if (c.adoptedThatDay.length + c.blocked.length + c.awaiting.length + c.lateActions.length === 0)
    lines.push('- No decision adopted that day, blocked or awaiting answers; no action item late.');
  for (const d of c.adoptedThatDay) lines.push(`- Adopted: ${d.title} (${d.kind.replace(/_/g, ' ')})`);
  for (const d of c.blocked) lines.push(`- **Blocked**: ${d.title} (${d.kind.replace(/_/g, ' ')})`);
  for (const d of c.awaiting)
    lines.push(`- Awaiting ${d.awaiting.join(', ') || 'no one'}: ${d.title} (answers due ${day(d.dueAt)})`);
  for (const a of c.lateActions)
    lines.push(`- Action item late: ${a.title} (${a.owner}, due ${a.dueOn}; ${a.meeting})`);
  lines.push('');
  return lines.join('\n');
}
