/**
 * @module The consent part of the demo, loaded in the demo's one transaction after the force.
 * ILLUSTRATIVE, and labelled so on every rule: the consent rules and decisions are invented on
 * public facts (Israel said no decision on Gaza is valid without its approval; who may send
 * troops where is the parties' question), not taken from any agreement.
 *
 * The rules cover kinds that do not gate the force (control line, milestones, crossings,
 * minutes), so the plan's other findings stand as the force demo built them. Admissions are
 * asked decision by decision: Egypt's infantry admitted with a caveat excluding Rafah, and
 * Italy's engineers, deployed to Khan Yunis from June 2026, still awaiting Israel's answer:
 * that deployment is the demo's `unconsented` finding.
 */
import { randomUUID } from 'node:crypto';
import type { DemoContext } from '../../../demo/modules/context.ts';
import { DEFAULT_RELEASE } from '../../../domain/policy/force.ts';
import { deploymentKind } from '../../../log/kinds/force.ts';
import { listContributions } from '../../../repositories/contributions.ts';
import { insertDeployment } from '../../../repositories/handover/deployments.ts';
import { listSectorNames } from '../../../repositories/sectors.ts';
import type { DecisionKind } from '../contract/enums.ts';
import type { AnswerDecision, ProposeDecision } from '../contract/consent.ts';
import { CONSENT_KINDS, consentLogFields } from '../log/fields.ts';
import { insertAnswer, insertDecision, insertNote, insertRule, type RuleRow } from '../repositories/consent.ts';
import { answerRow, decisionRow } from '../services/decisions.ts';
import { seedMeetings } from './meetings.ts';

const NOTE = 'Illustrative: invented for the Truce demo, not the rule of any agreement.';

const RULES: [DecisionKind, string[], number | null][] = [
  ['control_line', ['Israel', 'Hamas'], null],
  ['milestone', ['Israel'], null],
  ['crossing', ['Israel', 'Egypt'], null],
  ['minutes', ['Egypt', 'Qatar', 'United States'], 2],
];

export async function seedConsent(ctx: DemoContext): Promise<void> {
  const { tx, record, now } = ctx;
  const org = (name: string): string => {
    const id = ctx.orgIds.get(name);
    if (!id) throw new Error(`demo organisation ${name} is missing`);
    return id;
  };
  for (const [kind, names, quorum] of RULES) {
    const row: RuleRow = {
      id: randomUUID(),
      kind,
      required_org_ids: names.map(org),
      quorum,
      illustrative: true,
      note: NOTE,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await insertRule(tx, row);
    await record({
      kind: CONSENT_KINDS.rule,
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor: null,
      ...consentLogFields('rule', row),
    });
  }

  const contributions = await listContributions(tx);
  const offer = (organisation: string, capability: string) => {
    const c = contributions.find((x) => x.organisation_name === organisation && x.capability === capability);
    if (!c) throw new Error(`demo contribution ${organisation} ${capability} is missing`);
    return c.id;
  };
  const sectors = new Map((await listSectorNames(tx)).map((s) => [s.name, s.id]));
  const sector = (name: string): string => {
    const id = sectors.get(name);
    if (!id) throw new Error(`demo sector ${name} is missing`);
    return id;
  };
  const due = new Date(now.getTime() + 14 * 86_400_000).toISOString();

  const propose = async (input: ProposeDecision) => {
    const row = await decisionRow(tx, null, input, now);
    await insertDecision(tx, row);
    await record({
      kind: CONSENT_KINDS.decision,
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor: null,
      ...consentLogFields('decision', row),
    });
    return row;
  };

  // Egypt's battalion: admitted, with a caveat Truce acts on (a unit in Rafah would be a finding).
  const egypt = await propose({
    kind: 'admission',
    title: "Admit Egypt's mechanised infantry battalion group to the force",
    body: NOTE,
    subjects: [{ kind: 'contribution', id: offer('Egypt', 'infantry') }],
    addOrgIds: [org('Israel')],
    dueAt: due,
  });
  const answer: AnswerDecision = {
    answer: 'consent_with_conditions',
    conditions: 'Not along the Rafah border strip. (Illustrative.)',
    caveats: [{ kind: 'exclude_sector', sectorId: sector('Rafah') }],
  };
  // Loaded by the system, like the rest of the demo (no account of Israel's made this change).
  const a = answerRow(egypt, [], org('Israel'), null, answer, now);
  await insertAnswer(tx, a);
  await record({
    kind: CONSENT_KINDS.answer,
    id: a.id,
    version: 1,
    op: 'create',
    at: now,
    actor: null,
    ...consentLogFields('answer', a),
  });

  // Italy's engineers: planned into Khan Yunis, their admission still awaiting Israel's answer.
  const italy = offer('Italy', 'engineers');
  const deployment = {
    id: randomUUID(),
    contribution_id: italy,
    sector_id: sector('Khan Yunis'),
    from_date: '2026-06-01',
    to_date: null,
    strength: 200,
    note: 'Illustrative: clearance and rebuilding, pending consent.',
    version: 1,
    created_at: now,
    updated_at: now,
    ...DEFAULT_RELEASE.deployment,
  };
  await insertDeployment(tx, deployment);
  await record({
    kind: 'deployment',
    id: deployment.id,
    version: 1,
    op: 'create',
    at: now,
    actor: null,
    ...deploymentKind.fields(deployment),
  });
  const pending = await propose({
    kind: 'admission',
    title: "Admit Italy's engineers to the force",
    body: NOTE,
    subjects: [{ kind: 'contribution', id: italy }],
    addOrgIds: [org('Israel')],
    dueAt: due,
  });
  const note = {
    id: randomUUID(),
    decision_id: pending.id,
    author_user_id: ctx.userIds.get('coordinator@truce.example') ?? null,
    body: 'Internal: ask the Israeli liaison whether engineers without crowd-control tasks ease the answer. (Illustrative.)',
    version: 1,
    created_at: now,
  };
  await insertNote(tx, note);
  await record({
    kind: CONSENT_KINDS.note,
    id: note.id,
    version: 1,
    op: 'create',
    at: now,
    actor: null,
    ...consentLogFields('note', note),
  });
  await seedMeetings(ctx, org);
}
