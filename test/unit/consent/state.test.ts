/** Issue 12: a decision's derived state, withdrawal, caveats, and the gaps of a deployment. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerRefusal,
  decisionStatus,
  mayCancel,
  type AnswerFacts,
  type DecisionFacts,
} from '../../../src/capabilities/consent/domain/state.ts';
import {
  consentGaps,
  indexDecisions,
  standings,
  type GapDecision,
} from '../../../src/capabilities/consent/domain/gaps.ts';
import { decisionRule, ruleProblems, subjectProblems } from '../../../src/capabilities/consent/domain/rules.ts';
import type { AnswerKind } from '../../../src/capabilities/consent/contract/enums.ts';

const SECTOR = '00000000-0000-4000-8000-00000000000a';
const ALL: DecisionFacts = {
  requiredOrgIds: ['il', 'pa'],
  quorum: null,
  dueAt: '2026-01-10T00:00:00Z',
  cancelledAt: null,
};
const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T12:00:00Z`;
const ans = (
  organisationId: string,
  answer: AnswerKind,
  day: number,
  caveats: AnswerFacts['caveats'] = [],
): AnswerFacts => ({
  organisationId,
  answer,
  at: at(day),
  caveats,
});
const NOW = new Date('2026-01-05T00:00:00Z');
const LATER = new Date('2026-02-01T00:00:00Z');

test('all must consent: pending until every answer is in, adopted at the last consent', () => {
  assert.equal(decisionStatus(ALL, [], NOW).state, 'pending');
  const one = decisionStatus(ALL, [ans('il', 'consent', 2)], NOW);
  assert.deepEqual([one.state, one.awaiting], ['pending', ['pa']]);
  const both = decisionStatus(ALL, [ans('il', 'consent', 2), ans('pa', 'consent_with_conditions', 3)], NOW);
  assert.deepEqual([both.state, both.adoptedAt, both.ruleMet], ['adopted', at(3), true]);
});

test('an abstention stands aside; all abstaining blocks', () => {
  assert.equal(decisionStatus(ALL, [ans('il', 'consent', 2), ans('pa', 'abstention', 3)], NOW).state, 'adopted');
  assert.equal(decisionStatus(ALL, [ans('il', 'abstention', 2), ans('pa', 'abstention', 3)], NOW).state, 'blocked');
});

test('an objection blocks; answering again before the due date may still adopt', () => {
  assert.equal(decisionStatus(ALL, [ans('il', 'objection', 2)], NOW).state, 'blocked');
  const turned = decisionStatus(
    ALL,
    [ans('il', 'objection', 1), ans('pa', 'consent', 2), ans('il', 'consent', 3)],
    NOW,
  );
  assert.deepEqual([turned.state, turned.adoptedAt], ['adopted', at(3)]);
});

test('lapsed at the due date with answers missing; answers after it do not adopt', () => {
  assert.equal(decisionStatus(ALL, [ans('il', 'consent', 2)], LATER).state, 'lapsed');
  const late = decisionStatus(ALL, [ans('il', 'consent', 2), ans('pa', 'consent', 20)], LATER);
  assert.equal(late.state, 'lapsed');
  assert.equal(decisionStatus(ALL, [ans('il', 'objection', 2)], LATER).state, 'blocked', 'refused, not lapsed');
});

test('cancelled by its proposer unless adopted first', () => {
  assert.equal(decisionStatus({ ...ALL, cancelledAt: at(3) }, [ans('il', 'consent', 2)], NOW).state, 'cancelled');
  const adopted = decisionStatus(
    { ...ALL, cancelledAt: at(4) },
    [ans('il', 'consent', 2), ans('pa', 'consent', 3)],
    NOW,
  );
  assert.equal(adopted.state, 'adopted');
  assert.equal(mayCancel(decisionStatus(ALL, [], NOW)), true);
  assert.equal(mayCancel(adopted), false);
});

test('a withdrawal leaves the decision adopted but says its rule is no longer met', () => {
  const s = decisionStatus(ALL, [ans('il', 'consent', 1), ans('pa', 'consent', 2), ans('il', 'withdrawal', 20)], LATER);
  assert.deepEqual([s.state, s.adoptedAt, s.ruleMet], ['adopted', at(2), false]);
  // Renewing it meets the rule again.
  const again = decisionStatus(
    ALL,
    [ans('il', 'consent', 1), ans('pa', 'consent', 2), ans('il', 'withdrawal', 20), ans('il', 'consent', 21)],
    LATER,
  );
  assert.equal(again.ruleMet, true);
});

test('a quorum: adopted at n consents, blocked when n can no longer be reached', () => {
  const q: DecisionFacts = { ...ALL, requiredOrgIds: ['a', 'b', 'c'], quorum: 2 };
  assert.equal(decisionStatus(q, [ans('a', 'consent', 1), ans('b', 'objection', 2)], NOW).state, 'pending');
  assert.equal(decisionStatus(q, [ans('a', 'consent', 1), ans('c', 'consent', 2)], NOW).state, 'adopted');
  assert.equal(decisionStatus(q, [ans('a', 'objection', 1), ans('b', 'abstention', 2)], NOW).state, 'blocked');
});

test('answers from organisations not asked, or in the future, do not count', () => {
  const s = decisionStatus(ALL, [ans('xx', 'objection', 1), ans('il', 'consent', 2), ans('pa', 'consent', 9)], NOW);
  assert.equal(s.state, 'pending');
  assert.equal(s.latest.has('xx'), false);
});

test('who may answer, and when', () => {
  const open = decisionStatus(ALL, [], NOW);
  assert.equal(answerRefusal(ALL, open, 'il', 'consent', NOW), null);
  assert.match(answerRefusal(ALL, open, 'xx', 'consent', NOW)!, /not asked/);
  assert.match(answerRefusal(ALL, open, 'il', 'withdrawal', NOW)!, /none standing/);
  const lapsed = decisionStatus(ALL, [], LATER);
  assert.match(answerRefusal(ALL, lapsed, 'il', 'consent', LATER)!, /lapsed/);
  const adopted = decisionStatus(ALL, [ans('il', 'consent', 1), ans('pa', 'consent', 2)], LATER);
  assert.equal(
    answerRefusal(ALL, adopted, 'il', 'withdrawal', LATER),
    null,
    'consent may be withdrawn after the due date',
  );
});

test('caveats of the consents standing now; a withdrawn consent takes its caveats with it', () => {
  const cav = [{ kind: 'exclude_sector' as const, sectorId: SECTOR }];
  const s = decisionStatus(ALL, [ans('il', 'consent_with_conditions', 1, cav), ans('pa', 'consent', 2)], NOW);
  assert.deepEqual(s.caveats, [{ organisationId: 'il', caveat: cav[0] }]);
  const w = decisionStatus(ALL, [ans('il', 'consent_with_conditions', 1, cav), ans('il', 'withdrawal', 2)], NOW);
  assert.deepEqual(w.caveats, []);
});

// ---- gaps of a deployment

const decision = (
  id: string,
  kind: GapDecision['kind'],
  subject: string,
  answers: AnswerFacts[],
  more: Partial<DecisionFacts> = {},
  proposedAt = at(1),
): GapDecision => {
  const facts = { ...ALL, ...more };
  return {
    id,
    kind,
    subjectIds: [subject],
    proposedAt,
    requiredOrgIds: facts.requiredOrgIds,
    status: decisionStatus(facts, answers, NOW),
  };
};
const DEP = { id: 'dep1', contributionId: 'c1', sectorId: SECTOR };
const reasons = (g: ReturnType<typeof consentGaps>) =>
  g.map((x) => `${x.decisionKind}:${x.reason}:${x.organisationIds.join(',')}`);

test('no rule and no decision: nothing required', () => {
  assert.deepEqual(consentGaps(indexDecisions(new Map(), []), DEP), []);
});

test('a rule without a decision: not asked; a pending decision names whom it awaits', () => {
  const rules = new Map([['deployment' as const, ['il']]]);
  assert.deepEqual(reasons(consentGaps(indexDecisions(rules, []), DEP)), ['deployment:not_asked:il']);
  const pending = decision('x', 'deployment', 'dep1', [ans('pa', 'consent', 1)]);
  assert.deepEqual(reasons(consentGaps(indexDecisions(rules, [pending]), DEP)), ['deployment:pending:il']);
  const done = decision('x', 'deployment', 'dep1', [ans('pa', 'consent', 1), ans('il', 'consent', 2)]);
  assert.deepEqual(consentGaps(indexDecisions(rules, [done]), DEP), []);
});

test('admission gates every deployment of the contribution; its sector caveat flags one there', () => {
  const rules = new Map([['admission' as const, ['il', 'pa']]]);
  const cav = [{ kind: 'exclude_sector' as const, sectorId: SECTOR }];
  const admitted = decision('a', 'admission', 'c1', [
    ans('il', 'consent_with_conditions', 1, cav),
    ans('pa', 'consent', 2),
  ]);
  const idx = indexDecisions(rules, [admitted]);
  assert.deepEqual(reasons(consentGaps(idx, DEP)), ['admission:excluded_sector:il']);
  assert.deepEqual(consentGaps(idx, { ...DEP, sectorId: 'elsewhere' }), []);
  assert.deepEqual(standings(idx, 'c1'), [
    { organisationId: 'il', standing: 'accepted_with_caveats' },
    { organisationId: 'pa', standing: 'accepted' },
  ]);
  assert.deepEqual(standings(idx, 'c2'), [
    { organisationId: 'il', standing: 'not_asked' },
    { organisationId: 'pa', standing: 'not_asked' },
  ]);
});

test('withdrawal flags the deployment; the latest decision not cancelled counts', () => {
  const rules = new Map([['deployment' as const, ['il']]]);
  const one: DecisionFacts = { ...ALL, requiredOrgIds: ['il'] };
  const withdrawn = decision('w', 'deployment', 'dep1', [ans('il', 'consent', 1), ans('il', 'withdrawal', 3)], one);
  assert.deepEqual(reasons(consentGaps(indexDecisions(rules, [withdrawn]), DEP)), ['deployment:withdrawn:il']);
  const newer = decision('n', 'deployment', 'dep1', [ans('il', 'consent', 4)], one, at(4));
  assert.deepEqual(consentGaps(indexDecisions(rules, [withdrawn, newer]), DEP), []);
  const cancelled = decision('c', 'deployment', 'dep1', [], { ...one, cancelledAt: at(4) }, at(4));
  assert.deepEqual(reasons(consentGaps(indexDecisions(rules, [withdrawn, cancelled]), DEP)), [
    'deployment:withdrawn:il',
  ]);
});

test('a decision asked without a rule is required all the same; objections block', () => {
  const blocked = decision('b', 'deployment', 'dep1', [ans('il', 'objection', 1)]);
  assert.deepEqual(reasons(consentGaps(indexDecisions(new Map(), [blocked]), DEP)), ['deployment:blocked:il']);
});

test('rules: someone to ask, once each, a reachable quorum; subjects of the right kind', () => {
  assert.deepEqual(ruleProblems({ requiredOrgIds: ['a'], quorum: null }), []);
  assert.equal(ruleProblems({ requiredOrgIds: [], quorum: null }).length, 1);
  assert.equal(ruleProblems({ requiredOrgIds: ['a', 'a'], quorum: null }).length, 1);
  assert.equal(ruleProblems({ requiredOrgIds: ['a', 'b'], quorum: 3 }).length, 1);
  assert.deepEqual(decisionRule({ requiredOrgIds: ['a'], quorum: 1 }, ['b', 'a']), {
    requiredOrgIds: ['a', 'b'],
    quorum: 1,
    addedOrgIds: ['b'],
  });
  assert.deepEqual(decisionRule(undefined, ['b']), { requiredOrgIds: ['b'], quorum: null, addedOrgIds: ['b'] });
  assert.deepEqual(subjectProblems('deployment', [{ kind: 'deployment' }]), []);
  assert.equal(subjectProblems('deployment', [{ kind: 'contribution' }]).length, 1);
  assert.equal(subjectProblems('admission', []).length, 1);
  assert.deepEqual(subjectProblems('minutes', []), []);
});
