/**
 * @module The compliance part of the demo scenario: phase one of the October 2025 Gaza
 * ceasefire as public sources state it (ceasefire in effect 10 Oct 2025 12:00 Asia/Gaza; all
 * hostages within 72 hours; 250 life-sentence prisoners and 1,700 detainees; 15 bodies per
 * hostage's remains; withdrawal to the agreed line; aid entry) and two phase-two provisions.
 * Delivery events are illustrative, shaped on public reporting, dated so the story reads the
 * same at any later date: most of phase one fulfilled, remains late and disputed, aid late.
 * No person-level data is seeded: real people's names do not belong in a demo.
 */
import { randomUUID } from 'node:crypto';
import type { DemoContext } from './context.ts';
import { DEMO_PROVISION_ID } from './monitoring.ts';
import type { CreateProvision } from '../../contract/compliance.ts';
import { AGREEMENT_TIME_ZONE } from '../../contract/compliance/enums.ts';
import { parseLocal } from '../../domain/compliance/deadline.ts';
import { provisionRow } from '../../services/compliance/provisions.ts';
import {
  insertAgreementEvent,
  insertAssessment,
  insertDelivery,
  insertDispute,
  insertProvision,
} from '../../repositories/compliance/writes.ts';
import type { AssessmentRow, DeliveryRow, DisputeRow } from '../../repositories/compliance/provisions.ts';
import {
  agreementEventKind,
  provisionAssessmentKind,
  provisionDeliveryKind,
  provisionDisputeKind,
  provisionKind,
} from '../../log/kinds/compliance.ts';

const at = (local: string) => parseLocal(local, AGREEMENT_TIME_ZONE);

type Key =
  | 'ceasefire'
  | 'hostages'
  | 'remains'
  | 'bodies'
  | 'lifers'
  | 'detainees'
  | 'withdrawal'
  | 'aid'
  | 'decommission'
  | 'furtherWithdrawal';

interface DemoDelivery {
  local: string;
  count: number;
  verifier: string;
  location: string;
  evidence: string;
}

const DELIVERIES: Partial<Record<Key, DemoDelivery[]>> = {
  withdrawal: [
    {
      local: '2025-10-10T12:00',
      count: 1,
      verifier: 'US Central Command',
      location: 'Agreed line ("yellow line")',
      evidence: 'Announcement that forces reached the agreed line as the ceasefire took effect.',
    },
  ],
  hostages: [
    {
      local: '2025-10-13T08:00',
      count: 7,
      verifier: 'ICRC',
      location: 'Gaza City',
      evidence: 'ICRC handover; first group of living hostages.',
    },
    {
      local: '2025-10-13T11:00',
      count: 13,
      verifier: 'ICRC',
      location: 'Khan Yunis',
      evidence: 'ICRC handover; second group of living hostages.',
    },
  ],
  lifers: [
    {
      local: '2025-10-13T14:00',
      count: 96,
      verifier: 'ICRC',
      location: 'Ramallah (Beitunia)',
      evidence: 'Buses received in the West Bank.',
    },
    {
      local: '2025-10-13T15:00',
      count: 154,
      verifier: 'ICRC',
      location: 'Khan Yunis (Nasser Hospital)',
      evidence: 'Buses received in Gaza, most bound for exile abroad.',
    },
  ],
  detainees: [
    {
      local: '2025-10-13T15:30',
      count: 1000,
      verifier: 'ICRC',
      location: 'Khan Yunis (Nasser Hospital)',
      evidence: 'First convoy of detainees from Gaza.',
    },
    {
      local: '2025-10-13T18:00',
      count: 700,
      verifier: 'ICRC',
      location: 'Khan Yunis (Nasser Hospital)',
      evidence: 'Second convoy.',
    },
  ],
  remains: [
    {
      local: '2025-10-13T21:00',
      count: 4,
      verifier: 'ICRC',
      location: 'Gaza City',
      evidence: 'Coffins handed over to the ICRC.',
    },
    {
      local: '2025-10-14T22:00',
      count: 4,
      verifier: 'ICRC',
      location: 'Gaza City',
      evidence: 'Coffins handed over to the ICRC.',
    },
    {
      local: '2025-10-16T21:00',
      count: 2,
      verifier: 'ICRC',
      location: 'Khan Yunis',
      evidence: 'Coffins handed over to the ICRC.',
    },
    {
      local: '2025-10-18T22:00',
      count: 2,
      verifier: 'ICRC',
      location: 'Gaza City',
      evidence: 'Coffins handed over to the ICRC.',
    },
    {
      local: '2025-10-28T21:00',
      count: 1,
      verifier: 'ICRC',
      location: 'Gaza City',
      evidence: 'After recovery from rubble.',
    },
    {
      local: '2025-11-04T21:00',
      count: 1,
      verifier: 'ICRC',
      location: 'Khan Yunis',
      evidence: 'After recovery from rubble.',
    },
  ],
  bodies: [
    {
      local: '2025-10-14T14:00',
      count: 45,
      verifier: 'ICRC',
      location: 'Khan Yunis (Nasser Hospital)',
      evidence: 'Bodies received by the health authorities.',
    },
    {
      local: '2025-10-15T14:00',
      count: 75,
      verifier: 'ICRC',
      location: 'Khan Yunis (Nasser Hospital)',
      evidence: 'Bodies received by the health authorities.',
    },
    {
      local: '2025-10-17T14:00',
      count: 30,
      verifier: 'ICRC',
      location: 'Khan Yunis (Nasser Hospital)',
      evidence: 'Bodies received by the health authorities.',
    },
    {
      local: '2025-10-20T14:00',
      count: 30,
      verifier: 'ICRC',
      location: 'Khan Yunis (Nasser Hospital)',
      evidence: 'Bodies received by the health authorities.',
    },
    {
      local: '2025-10-30T14:00',
      count: 15,
      verifier: 'ICRC',
      location: 'Khan Yunis (Nasser Hospital)',
      evidence: 'Bodies received by the health authorities.',
    },
  ],
  aid: [
    {
      local: '2025-10-12T18:00',
      count: 173,
      verifier: 'United Nations',
      location: 'Kerem Shalom',
      evidence: 'Daily count of humanitarian trucks offloaded (illustrative).',
    },
    {
      local: '2025-10-19T18:00',
      count: 0,
      verifier: 'United Nations',
      location: 'All crossings',
      evidence: 'Crossings closed for the day after an exchange of fire (illustrative).',
    },
    {
      local: '2025-10-26T18:00',
      count: 412,
      verifier: 'United Nations',
      location: 'Kerem Shalom, Kissufim',
      evidence: 'Daily count (illustrative).',
    },
    {
      local: '2025-11-09T18:00',
      count: 389,
      verifier: 'United Nations',
      location: 'Kerem Shalom, Kissufim, Zikim',
      evidence: 'Daily count (illustrative).',
    },
  ],
};

export async function seedCompliance(ctx: DemoContext): Promise<void> {
  const { tx, record, now, orgIds } = ctx;
  const israel = orgIds.get('Israel')!;
  const hamas = orgIds.get('Hamas')!;
  const icrc = orgIds.get('International Committee of the Red Cross')!;

  const ceasefire = {
    id: randomUUID(),
    key: 'ceasefire',
    name: 'Ceasefire takes effect',
    occurred_at: at('2025-10-10T12:00'),
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await insertAgreementEvent(tx, ceasefire);
  await record({
    kind: 'agreement_event',
    id: ceasefire.id,
    version: 1,
    op: 'create',
    at: now,
    actor: null,
    public: agreementEventKind.public(ceasefire),
  });

  const within = (hours: number) => ({
    kind: 'relative' as const,
    anchorEventId: ceasefire.id,
    amount: hours,
    unit: 'hours' as const,
  });
  const ids = new Map<Key, string>();
  const add = async (key: Key, input: CreateProvision, id: string = randomUUID()) => {
    // One millisecond apart: provisions are listed in creation order, so the agreement reads in order.
    const row = provisionRow(id, input, new Date(now.getTime() + ids.size));
    ids.set(key, row.id);
    await insertProvision(tx, row);
    await record({
      kind: 'provision',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor: null,
      public: provisionKind.public(row),
    });
  };
  const plan = 'Comprehensive plan to end the Gaza conflict (29 Sep 2025)';

  // The monitoring demo's jointly ruled violation cites this provision, so it shows as breached.
  await add(
    'ceasefire',
    {
      phase: 1,
      reference: `${plan}, point 3`,
      title: 'Cessation of all military operations',
      type: 'ceasefire',
      text: 'All military operations, including aerial and artillery bombardment, are suspended and battle lines remain frozen.',
      partyIds: [israel, hamas],
      deadline: within(0),
      measure: { kind: 'judgement' },
    },
    DEMO_PROVISION_ID,
  );
  await add('withdrawal', {
    phase: 1,
    reference: `${plan}, point 3`,
    title: 'Withdrawal of Israeli forces to the agreed line',
    type: 'withdrawal_of_troops',
    text: 'Israeli forces withdraw to the agreed line (the "yellow line") to prepare for the release of hostages.',
    partyIds: [israel],
    deadline: within(24),
    measure: { kind: 'milestone' },
  });
  await add('hostages', {
    phase: 1,
    reference: `${plan}, point 4`,
    title: 'Release of all living hostages',
    type: 'prisoner_release',
    intermediaryOrgId: icrc,
    text: 'Within 72 hours of the ceasefire taking effect, all living hostages are released.',
    partyIds: [hamas],
    deadline: within(72),
    measure: { kind: 'count', target: 20, unit: 'persons' },
  });
  await add('remains', {
    phase: 1,
    reference: `${plan}, point 4`,
    title: 'Return of the remains of deceased hostages',
    type: 'other',
    intermediaryOrgId: icrc,
    text: 'The remains of deceased hostages are returned within the same 72 hours.',
    partyIds: [hamas],
    deadline: within(72),
    measure: { kind: 'count', target: 28, unit: 'remains' },
  });
  await add('bodies', {
    phase: 1,
    reference: `${plan}, point 5`,
    title: "Return of 15 Gazan bodies for each hostage's remains",
    type: 'other',
    intermediaryOrgId: icrc,
    text: 'For every hostage whose remains are released, Israel releases the remains of 15 deceased Gazans.',
    partyIds: [israel],
    deadline: { kind: 'none' },
    measure: { kind: 'ratio', of: ids.get('remains')!, perUnit: 15, unit: 'bodies' },
  });
  await add('lifers', {
    phase: 1,
    reference: `${plan}, point 5`,
    title: 'Release of 250 prisoners serving life sentences',
    type: 'prisoner_release',
    intermediaryOrgId: icrc,
    text: 'Once all hostages are released, Israel releases 250 life-sentence prisoners.',
    partyIds: [israel],
    dependsOnId: ids.get('hostages')!,
    deadline: { kind: 'relative', anchorProvisionId: ids.get('hostages')!, amount: 24, unit: 'hours' },
    measure: { kind: 'count', target: 250, unit: 'persons' },
  });
  await add('detainees', {
    phase: 1,
    reference: `${plan}, point 5`,
    title: 'Release of 1,700 Gazans detained after 7 October 2023',
    type: 'prisoner_release',
    intermediaryOrgId: icrc,
    text: 'Once all hostages are released, Israel releases 1,700 Gazans detained after 7 October 2023.',
    partyIds: [israel],
    dependsOnId: ids.get('hostages')!,
    deadline: { kind: 'relative', anchorProvisionId: ids.get('hostages')!, amount: 24, unit: 'hours' },
    measure: { kind: 'count', target: 1700, unit: 'persons' },
  });
  await add('aid', {
    phase: 1,
    reference: `${plan}, points 7-8`,
    title: 'Full entry of humanitarian aid (600 trucks a day)',
    type: 'other',
    text: 'Full aid is sent into the Gaza Strip, distributed by the United Nations and other international institutions; trucks counted daily.',
    partyIds: [israel],
    deadline: within(72),
    measure: { kind: 'judgement' },
  });
  await add('decommission', {
    phase: 2,
    reference: `${plan}, point 13; UNSC resolution 2803 (2025)`,
    title: 'Decommissioning of weapons in Gaza',
    type: 'disarmament',
    text: 'Weapons are placed permanently beyond use under the supervision of independent monitors.',
    partyIds: [hamas],
    deadline: { kind: 'none' },
    measure: { kind: 'judgement' },
  });
  await add('furtherWithdrawal', {
    phase: 2,
    reference: `${plan}, point 16; UNSC resolution 2803 (2025)`,
    title: 'Further withdrawal tied to demilitarisation milestones',
    type: 'withdrawal_of_troops',
    text: 'Israeli forces withdraw further according to standards, milestones and timeframes linked to demilitarisation.',
    partyIds: [israel],
    dependsOnId: ids.get('decommission')!,
    deadline: { kind: 'none' },
    measure: { kind: 'judgement' },
  });

  for (const [key, list] of Object.entries(DELIVERIES) as [Key, DemoDelivery[]][]) {
    const provisionId = ids.get(key)!;
    const party = key === 'hostages' || key === 'remains' ? hamas : israel;
    for (const d of list) {
      const row: DeliveryRow = {
        id: randomUUID(),
        provision_id: provisionId,
        organisation_id: party,
        count: d.count,
        occurred_at: at(d.local),
        verifier: d.verifier,
        location: d.location,
        evidence: d.evidence,
        persons: null,
        persons_named: 0,
        recorded_by: null,
        version: 1,
        created_at: now,
      };
      await insertDelivery(tx, { ...row, persons: null });
      await record({
        kind: 'provision_delivery',
        id: row.id,
        version: 1,
        op: 'create',
        at: now,
        actor: null,
        public: provisionDeliveryKind.public(row),
      });
    }
  }

  const coordinator = ctx.userIds.get('coordinator@truce.example') ?? null;
  const scores: [Key, number, string, string][] = [
    [
      'withdrawal',
      3,
      'Announcement and monitoring reports of 10 Oct 2025.',
      'The line was reached as the ceasefire took effect.',
    ],
    ['hostages', 3, 'ICRC handover records of 13 Oct 2025.', 'All 20 living hostages released within 72 hours.'],
    ['lifers', 3, 'ICRC reception records of 13 Oct 2025.', 'All 250 released the same day.'],
    ['detainees', 3, 'ICRC reception records of 13 Oct 2025.', 'All 1,700 released the same day.'],
    ['remains', 2, 'ICRC handovers, 13 Oct - 4 Nov 2025.', 'Most remains returned; the rest await recovery.'],
    ['bodies', 2, 'Health authority receipts.', 'Returns follow the ratio with a delay of one to two days.'],
    ['aid', 1, 'UN daily truck counts.', 'Daily entries stay well below 600 trucks.'],
    ['decommission', 0, 'No verified decommissioning.', 'Not initiated.'],
  ];
  for (const [key, score, evidence, rationale] of scores) {
    const row: AssessmentRow = {
      id: randomUUID(),
      provision_id: ids.get(key)!,
      score,
      evidence,
      rationale,
      assessed_by: coordinator,
      assessed_at: at('2025-11-15T10:00'),
      version: 1,
    };
    await insertAssessment(tx, row);
    await record({
      kind: 'provision_assessment',
      id: row.id,
      version: 1,
      op: 'create',
      at: now,
      actor: null,
      public: provisionAssessmentKind.public(row),
    });
  }

  const disputes: DisputeRow[] = [
    {
      id: randomUUID(),
      provision_id: ids.get('remains')!,
      organisation_id: hamas,
      status: 'open',
      resolution: '',
      reason:
        'The remaining bodies lie under rubble in areas beyond the agreed line; recovery needs heavy machinery and access, so the provision is not late but blocked.',
      opened_by: ctx.userIds.get('observer.ps@truce.example') ?? null,
      opened_at: at('2025-10-20T09:00'),
      resolved_by: null,
      resolved_at: null,
      version: 1,
    },
    {
      id: randomUUID(),
      provision_id: ids.get('aid')!,
      organisation_id: israel,
      status: 'rejected',
      reason: 'The daily counts leave out commercial and private-sector trucks.',
      resolution:
        'Rejected: the provision counts humanitarian trucks as verified by the United Nations; commercial entries are reported separately.',
      opened_by: ctx.userIds.get('observer.il@truce.example') ?? null,
      opened_at: at('2025-10-28T09:00'),
      resolved_by: coordinator,
      resolved_at: at('2025-11-02T16:00'),
      version: 2,
    },
  ];
  for (const d of disputes) {
    await insertDispute(tx, d);
    if (d.version === 2) {
      await record({
        kind: 'provision_dispute',
        id: d.id,
        version: 1,
        op: 'create',
        at: now,
        actor: null,
        public: provisionDisputeKind.public({
          ...d,
          status: 'open',
          resolution: '',
          resolved_at: null,
          resolved_by: null,
          version: 1,
        }),
      });
      await record({
        kind: 'provision_dispute',
        id: d.id,
        version: 2,
        op: 'transition',
        at: now,
        actor: null,
        public: provisionDisputeKind.public(d),
      });
    } else {
      await record({
        kind: 'provision_dispute',
        id: d.id,
        version: 1,
        op: 'create',
        at: now,
        actor: null,
        public: provisionDisputeKind.public(d),
      });
    }
  }
}
