/**
 * @module The force part of the demo scenario, loaded inside the demo's one transaction: the
 * status history of the seed's pledges, a few more contributions moving through the PCRS
 * levels, the mandate's requirements per sector and phase, and a phased handover plan for the
 * five governorates. ILLUSTRATIVE: the plan is invented on public facts (resolution 2803's tasks,
 * the pledges reported in October 2025); it is built so the handover check finds one of each
 * kind of problem: a vacuum, understrength, an overcommitted contribution and deployments
 * resting on pledges below PCRS level 2.
 */
import { randomUUID } from 'node:crypto';
import type { Capability, ContributionKind, ContributionStatus } from '../../contract/enums.ts';
import type { MandateTask } from '../../contract/force.ts';
import type { DemoContext } from './context.ts';
import { DEFAULT_RELEASE } from '../../domain/policy/force.ts';
import { listSectorNames } from '../../repositories/sectors.ts';
import { insertContribution, updateContributionStatus } from '../../repositories/contributions.ts';
import { insertTransition } from '../../repositories/force/transitions.ts';
import { insertRequirement } from '../../repositories/force/requirements.ts';
import { insertMilestone } from '../../repositories/handover/milestones.ts';
import { insertDeployment } from '../../repositories/handover/deployments.ts';
import {
  contributionTransitionKind,
  deploymentKind,
  handoverMilestoneKind,
  sectorRequirementKind,
} from '../../log/kinds/force.ts';
import { contributionKind } from '../../log/kinds/foundation.ts';

type Move = [ContributionStatus, string];

/** Status history of the seed's contributions, in DEMO_CONTRIBUTIONS order (status unchanged). */
const SEED_HISTORY: Move[][] = [
  [['pledged', '2025-09-23']], // Indonesia, at the UN General Assembly
  [['interest', '2025-10-09']], // Italy, Paris meeting
  [['pledged', '2025-10-09']], // EUBAM Rafah relaunch
  [['interest', '2025-10-09']], // Azerbaijan
  [['interest', '2025-10-09']], // France
];

interface DemoOffer {
  key: string;
  organisation: string;
  kind: ContributionKind;
  capability: Capability;
  quantity: number;
  caveats: string;
  note: string;
  moves: Move[];
}

const OFFERS: DemoOffer[] = [
  {
    key: 'egypt-inf',
    organisation: 'Egypt',
    kind: 'forces',
    capability: 'infantry',
    quantity: 1500,
    caveats: 'Not to be deployed north of Wadi Gaza before phase 2.',
    note: 'Illustrative: mechanised infantry battalion group.',
    moves: [
      ['interest', '2025-10-15'],
      ['pledged', '2025-11-01'],
      ['pcrs1', '2025-11-20'],
      ['pcrs2', '2025-12-10'],
      ['pcrs3', '2026-01-05'],
      ['deployed', '2026-01-20'],
    ],
  },
  {
    key: 'jordan-med',
    organisation: 'Jordan',
    kind: 'forces',
    capability: 'medical',
    quantity: 300,
    caveats: '',
    note: 'Illustrative: level-2 field hospital and two forward medical teams.',
    moves: [
      ['pledged', '2025-11-05'],
      ['pcrs1', '2025-11-25'],
      ['pcrs2', '2025-12-20'],
      ['rapid', '2026-01-10'],
      ['deployed', '2026-02-01'],
    ],
  },
  {
    key: 'italy-eng',
    organisation: 'Italy',
    kind: 'forces',
    capability: 'engineers',
    quantity: 400,
    caveats: 'Engineering and explosive-ordnance disposal only; no crowd control.',
    note: 'Illustrative: engineers for clearance and rebuilding.',
    moves: [
      ['pledged', '2025-11-10'],
      ['pcrs1', '2025-12-01'],
      ['pcrs2', '2026-02-01'],
    ],
  },
  {
    key: 'egypt-fpu-1',
    organisation: 'Egypt',
    kind: 'police',
    capability: 'formed_police_unit',
    quantity: 140,
    caveats: '',
    note: 'Illustrative: first formed police unit, six-month tour.',
    moves: [
      ['pledged', '2025-11-01'],
      ['pcrs1', '2025-11-20'],
      ['pcrs2', '2025-12-10'],
      ['pcrs3', '2026-01-10'],
      ['deployed', '2026-02-01'],
      ['rotated', '2026-08-01'],
    ],
  },
  {
    key: 'egypt-fpu-2',
    organisation: 'Egypt',
    kind: 'police',
    capability: 'formed_police_unit',
    quantity: 140,
    caveats: '',
    note: 'Illustrative: relief of the first formed police unit, arriving the day it leaves.',
    moves: [
      ['pledged', '2026-03-01'],
      ['pcrs1', '2026-04-01'],
      ['pcrs2', '2026-05-01'],
      ['pcrs3', '2026-06-01'],
      ['deployed', '2026-08-01'],
    ],
  },
];

type R = [MandateTask, Capability, string | null, number, number, string];
/** [task, capability, sector (null: mission-wide), phase, quantity, needed by]. */
const REQUIREMENTS: R[] = [
  ['protection_of_civilians', 'infantry', 'Deir Al Balah', 1, 1000, '2026-01-20'],
  ['protection_of_civilians', 'infantry', 'Gaza', 1, 1500, '2026-03-01'],
  ['protection_of_civilians', 'infantry', 'North Gaza', 1, 800, '2026-03-01'],
  ['protection_of_civilians', 'infantry', 'Khan Yunis', 1, 3000, '2026-05-01'],
  ['protection_of_civilians', 'infantry', 'Rafah', 1, 2000, '2026-07-01'],
  ['protection_of_civilians', 'infantry', 'Gaza', 2, 2500, '2026-09-01'],
  ['protection_of_civilians', 'medical', 'Gaza', 1, 150, '2026-03-01'],
  ['protection_of_civilians', 'medical', 'Khan Yunis', 1, 150, '2026-05-01'],
  ['police_support', 'formed_police_unit', 'Gaza', 1, 140, '2026-02-01'],
  ['border_areas', 'border_monitors', 'Rafah', 1, 120, '2026-07-01'],
  ['police_support', 'police_trainers', null, 1, 200, '2026-02-01'],
  ['decommissioning', 'engineers', null, 1, 600, '2026-06-01'],
  ['humanitarian_corridors', 'logistics', null, 1, 500, '2026-04-01'],
];

/** [sector, day vacated, area, condition]. */
const WITHDRAWALS: [string, string, string, string][] = [
  [
    'Deir Al Balah',
    '2026-01-20',
    'Eastern Deir Al Balah up to the yellow line',
    'Phase 2 begins: decommissioning teams in place',
  ],
  [
    'Gaza',
    '2026-03-01',
    'Eastern Gaza City (Shujaiya, Zeitoun)',
    'Heavy weapons in Gaza governorate decommissioned and verified',
  ],
  ['North Gaza', '2026-03-01', 'Beit Hanoun and Beit Lahia', 'Heavy weapons in North Gaza decommissioned and verified'],
  ['Khan Yunis', '2026-05-01', 'Eastern Khan Yunis', 'Vetted police deployed in Khan Yunis'],
  ['Rafah', '2026-07-01', 'Rafah and the Philadelphi corridor', 'Border mission operating at the Rafah crossing'],
];

/** [offer key or seed index, sector, from, to, strength]. */
const DEPLOYMENTS: [string | number, string, string, string | null, number][] = [
  ['egypt-inf', 'Deir Al Balah', '2026-01-20', null, 1000], // arrives the day the area is vacated
  ['egypt-inf', 'Gaza', '2026-03-01', null, 500],
  ['egypt-inf', 'North Gaza', '2026-03-01', '2026-04-30', 800], // double-booked: 2,300 of 1,500
  ['jordan-med', 'Gaza', '2026-03-01', null, 150],
  ['jordan-med', 'Khan Yunis', '2026-05-01', null, 150],
  ['egypt-fpu-1', 'Gaza', '2026-02-01', '2026-07-31', 140],
  ['egypt-fpu-2', 'Gaza', '2026-08-01', null, 140],
  [0, 'Khan Yunis', '2026-05-01', null, 3000], // Indonesia, still only pledged
  [0, 'Rafah', '2026-07-15', null, 2000], // two weeks after Rafah is vacated
];

export async function seedForce(ctx: DemoContext): Promise<void> {
  const { tx, record, now } = ctx;
  const sectors = new Map((await listSectorNames(tx)).map((s) => [s.name, s.id]));
  const sectorId = (name: string): string => {
    const id = sectors.get(name);
    if (!id) throw new Error(`demo sector ${name} is missing`);
    return id;
  };

  const moveRow = async (contributionId: string, from: ContributionStatus | null, [to, on]: Move, reason: string) => {
    const row = {
      id: randomUUID(),
      contribution_id: contributionId,
      from_status: from,
      to_status: to,
      effective_on: on,
      reason,
      actor_user_id: null,
      recorded_at: now,
      version: 1,
    };
    await insertTransition(tx, row);
    await record({
      kind: 'contribution_transition',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor: null,
      ...contributionTransitionKind.fields(row),
    });
  };

  for (const [i, moves] of SEED_HISTORY.entries()) {
    const id = ctx.contributionIds[i];
    if (id && moves[0]) await moveRow(id, null, moves[0], 'recorded (demo history)');
  }

  const offerIds = new Map<string, string>();
  for (const o of OFFERS) {
    const organisationId = ctx.orgIds.get(o.organisation);
    if (!organisationId) throw new Error(`demo organisation ${o.organisation} is missing`);
    const id = randomUUID();
    offerIds.set(o.key, id);
    const [first, ...rest] = o.moves;
    const row = {
      id,
      organisation_id: organisationId,
      kind: o.kind,
      capability: o.capability,
      quantity: String(o.quantity),
      unit: 'personnel' as const,
      currency: null,
      status: first![0],
      caveats: o.caveats,
      expected_arrival: null,
      note: o.note,
      version: 1,
      created_at: now,
      updated_at: now,
      ...DEFAULT_RELEASE.contribution,
    };
    await insertContribution(tx, row);
    await record({
      kind: 'contribution',
      id,
      version: 1,
      op: 'create',
      at: now,
      actor: null,
      ...contributionKind.fields(row),
    });
    await moveRow(id, null, first!, 'recorded (demo history)');
    for (const move of rest) {
      const from = row.status;
      row.status = move[0];
      row.version += 1;
      // updated_at stays as stored (the demo history is all recorded at `now`).
      await updateContributionStatus(tx, id, { status: row.status, version: row.version, updated_at: row.updated_at });
      await moveRow(id, from, move, `${move[0]} (demo history)`);
      await record({
        kind: 'contribution',
        id,
        version: row.version,
        op: 'transition',
        at: now,
        actor: null,
        ...contributionKind.fields(row),
      });
    }
  }

  for (const [task, capability, sector, phase, quantity, neededBy] of REQUIREMENTS) {
    const row = {
      id: randomUUID(),
      task,
      capability,
      sector_id: sector === null ? null : sectorId(sector),
      phase,
      quantity,
      needed_by: neededBy,
      note: 'Illustrative requirement (demo)',
      version: 1,
      created_at: now,
      updated_at: now,
      ...DEFAULT_RELEASE.requirement,
    };
    await insertRequirement(tx, row);
    await record({
      kind: 'sector_requirement',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor: null,
      ...sectorRequirementKind.fields(row),
    });
  }

  const israel = ctx.orgIds.get('Israel');
  if (!israel) throw new Error('demo organisation Israel is missing');
  for (const [sector, at, area, condition] of WITHDRAWALS) {
    // The withdrawals of the yellow-line plan are Israel's: the party concerned by each milestone.
    const row = {
      id: randomUUID(),
      sector_id: sectorId(sector),
      kind: 'withdrawal' as const,
      at,
      area,
      condition,
      version: 1,
      created_at: now,
      updated_at: now,
      party_id: israel,
      ...DEFAULT_RELEASE.milestone,
    };
    await insertMilestone(tx, row);
    await record({
      kind: 'handover_milestone',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor: null,
      ...handoverMilestoneKind.fields(row),
    });
  }

  for (const [who, sector, from, to, strength] of DEPLOYMENTS) {
    const contributionId = typeof who === 'number' ? ctx.contributionIds[who] : offerIds.get(who);
    if (!contributionId) throw new Error(`demo contribution ${who} is missing`);
    const row = {
      id: randomUUID(),
      contribution_id: contributionId,
      sector_id: sectorId(sector),
      from_date: from,
      to_date: to,
      strength,
      note: '',
      version: 1,
      created_at: now,
      updated_at: now,
      ...DEFAULT_RELEASE.deployment,
    };
    await insertDeployment(tx, row);
    await record({
      kind: 'deployment',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor: null,
      ...deploymentKind.fields(row),
    });
  }
}
