/**
 * Issue 13: counts as the OSCE's daily reports gave them, per sector and period against the
 * previous period, against figures computed by hand. The period crosses Asia/Gaza's clock
 * change at the end of October 2025 (a 25-hour day), includes two reports merged into one
 * incident (their explosions counted once), a "no violation" ruling (an incident, no violation)
 * and a ruled violation; events at 23:30 local on a period's edge fall on the right side of it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestApi, type TestApi } from '../support/api.ts';
import { makeOrganisation, makeProvision, makeReport, makeSector } from '../support/factories.ts';
import { fixedClock } from '../../src/adapters/clock.ts';
import { addDays, dayStart } from '../../src/domain/monitoring/daily-counts.ts';
import { mergeIncidents } from '../../src/services/monitoring/incidents.ts';
import { dailyCounts } from '../../src/services/monitoring/daily-counts.ts';
import { writeWithLog } from '../../src/services/write.ts';
import { updateIncident } from '../../src/services/monitoring/incident-writes.ts';

let api: TestApi;
after(async () => {
  await api.close();
});

/** The Asia/Gaza day of October 2025 that lasts 25 hours (the clock goes back). */
function clockChangeDay(): string {
  for (let d = 1; d <= 31; d++) {
    const day = `2025-10-${String(d).padStart(2, '0')}`;
    if (dayStart(addDays(day, 1)).getTime() - dayStart(day).getTime() === 25 * 3600_000) return day;
  }
  throw new Error('no clock change in October 2025');
}

let sectorA: string;
let sectorB: string;
const CHANGE = clockChangeDay();
// Current period: the day before the change to the day after; previous: the three days before.
const FROM = addDays(CHANGE, -1);
const TO = addDays(CHANGE, 1);

before(async () => {
  api = await openTestApi({ demo: false, clock: fixedClock(new Date('2025-11-05T12:00:00Z')) });
  sectorA = (await makeSector(api.deps, { name: 'A sector', centre: [33.5, 31.5], size: 0.3 })).id;
  sectorB = (await makeSector(api.deps, { name: 'B sector', centre: [33.9, 31.5], size: 0.3 })).id;
});

const SHELLING = { eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack' };
const at = (instant: Date) => instant.toISOString();
const minutes = (n: number) => n * 60_000;

async function setIncident(id: string, change: Parameters<typeof updateIncident>[3]) {
  await writeWithLog(api.deps, async (tx, record) => {
    const current = await tx.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await updateIncident(tx, record, current, change, 'transition', null, new Date());
  });
}

test('events observed, incidents and ruled violations per sector and Asia/Gaza period, by hand', async () => {
  const { deps } = api;
  const file = async (p: [number, number], when: Date, facts: { explosions?: number; shots?: number }) =>
    (await makeReport(deps, null, p, { ...SHELLING, occurredAt: at(when), facts })).report;

  // Sector A, current period.
  // 23:30 local on the change day (after the change, UTC+2): still that day.
  await file([33.4, 31.4], new Date(dayStart(addDays(CHANGE, 1)).getTime() - minutes(30)), { explosions: 5 });
  // Two reports of the same shelling, merged: 12 explosions (and 3 shots in the second) count once, as 15.
  const m1 = await file([33.45, 31.6], new Date(dayStart(CHANGE).getTime() + minutes(600)), { explosions: 12 });
  const m2 = await file([33.6, 31.42], new Date(dayStart(CHANGE).getTime() + minutes(610)), {
    explosions: 12,
    shots: 3,
  });
  assert.notEqual(m1.incident_id, m2.incident_id);
  await mergeIncidents(deps, null, m1.incident_id, { incidentIds: [m2.incident_id], rationale: 'same shelling' });
  // 23:30 local on the period's last day: inside it (a fixed UTC+3 would put it the next day).
  await file([33.55, 31.55], new Date(dayStart(addDays(TO, 1)).getTime() - minutes(30)), { shots: 2 });
  // 00:30 local on the day after the period: outside both periods.
  await file([33.42, 31.45], new Date(dayStart(addDays(TO, 1)).getTime() + minutes(30)), { explosions: 100 });

  // Sector A, previous period: 23:30 local the day before the period.
  await file([33.58, 31.62], new Date(dayStart(FROM).getTime() - minutes(30)), { explosions: 7 });

  // Sector B, current period: a "no violation" ruling and a ruled violation.
  const cleared = await file([33.85, 31.45], new Date(dayStart(FROM).getTime() + minutes(300)), { explosions: 1 });
  await setIncident(cleared.incident_id, { status: 'ruled', outcome: 'no_violation' });
  const violation = await file([33.95, 31.55], new Date(dayStart(TO).getTime() + minutes(60)), {});
  const party = await makeOrganisation(deps, { kind: 'party' });
  const provision = await makeProvision(deps, null, { partyIds: [party.id] });
  await setIncident(violation.incident_id, {
    status: 'ruled',
    outcome: 'violation',
    provision_id: provision.id,
    responsible_org_id: party.id,
  });

  const counts = await dailyCounts(deps, null, { from: FROM, to: TO });
  assert.equal(counts.timeZone, 'Asia/Gaza');
  assert.deepEqual([counts.previousFrom, counts.previousTo], [addDays(FROM, -3), addDays(FROM, -1)]);
  const bySector = Object.fromEntries(counts.sectors.map((s) => [s.sectorId ?? 'none', s]));
  assert.deepEqual(bySector[sectorA]!.current, { eventsObserved: 5 + 15 + 2, incidents: 3, ruledViolations: 0 });
  assert.deepEqual(bySector[sectorA]!.previous, { eventsObserved: 7, incidents: 1, ruledViolations: 0 });
  assert.deepEqual(bySector[sectorB]!.current, { eventsObserved: 1, incidents: 2, ruledViolations: 1 });
  assert.deepEqual(bySector[sectorB]!.previous, { eventsObserved: 0, incidents: 0, ruledViolations: 0 });
  assert.deepEqual(counts.total, {
    current: { eventsObserved: 23, incidents: 5, ruledViolations: 1 },
    previous: { eventsObserved: 7, incidents: 1, ruledViolations: 0 },
  });
  // The change day itself: 25 hours, and the 23:30 event after the change is in it.
  const day = await dailyCounts(deps, null, { from: CHANGE, to: CHANGE });
  const a = day.sectors.find((s) => s.sectorId === sectorA)!;
  assert.deepEqual(a.current, { eventsObserved: 5 + 15, incidents: 2, ruledViolations: 0 });
});
