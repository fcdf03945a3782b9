/**
 * @module The monitoring part of the demo scenario (ILLUSTRATIVE events, not a record of real
 * ones): a few dozen reports across Gaza's five governorates after the ceasefire of
 * 10 October 2025, grouped into incidents at every stage of the workflow, including one
 * violation ruled jointly by the UN and EUBAM Rafah and one published ruling. Loaded inside
 * the demo's one transaction through the same write steps as the API.
 */
import type { Actor } from '../../domain/policy.ts';
import type { CreateReport } from '../../contract/monitoring.ts';
import type { IncidentStatus, Outcome } from '../../domain/monitoring/workflow.ts';
import { insertReport, prepareReport } from '../../services/monitoring/reports.ts';
import { appendEvent, updateIncident } from '../../services/monitoring/incident-writes.ts';
import { derivedClientId } from '../../services/monitoring/import-parse.ts';
import type { DemoContext } from './context.ts';
import { getIncidentRow } from '../../repositories/monitoring/incidents.ts';
import { findPrincipalByEmail } from '../../repositories/users.ts';
import { actorOfPrincipal } from '../../services/sessions.ts';
import { seedPlaces } from './places.ts';

/** The agreement provision demo violations cite (the compliance module's provision ids come later). */
export const DEMO_PROVISION_ID = '7e1c2a4e-5b0d-4f7a-9c1e-2d3f4a5b6c7d';

type Kind = CreateReport['source']['kind'];
interface DemoReport {
  at: string;
  lon: number;
  lat: number;
  type: string;
  sub: string;
  text: string;
  source: [Kind, string];
  fatalities?: number;
  injuries?: number;
  /** Issue 13's facts, the place by its English name in the demo gazetteer. */
  facts?: Omit<CreateReport['facts'], 'placeId'> & { place?: string };
}

const E = 'Explosions/Remote violence';
const V = 'Violence against civilians';
const S = 'Strategic developments';

// Pairs close in time and place describe the same event and become one incident.
const REPORTS: DemoReport[] = [
  {
    at: '2025-10-11T06:40:00+03:00',
    lon: 34.49,
    lat: 31.49,
    type: E,
    sub: 'Shelling/artillery/missile attack',
    text: "Artillery rounds heard east of Shuja'iyya, near the line.",
    source: ['patrol', 'UN patrol Alpha-3'],
    injuries: 2,
    facts: {
      place: 'Gaza City',
      perpetrator: { kind: 'unattributed' },
      weapon: 'artillery',
      calibre: '155 mm',
      explosions: 6,
      bearingDegrees: 95,
      distanceMetres: 2500,
      startedAt: '2025-10-11T06:40:00+03:00',
      endedAt: '2025-10-11T06:55:00+03:00',
      method: 'heard',
      confidence: 'medium',
      casualties: { injuredCivilian: 2, source: 'Al-Ahli hospital duty officer' },
    },
  },
  {
    at: '2025-10-11T07:05:00+03:00',
    lon: 34.492,
    lat: 31.491,
    type: E,
    sub: 'Shelling/artillery/missile attack',
    text: 'Residents report shells landing by the water tower.',
    source: ['public', 'Resident (call line)'],
    injuries: 3,
  },
  {
    at: '2025-10-12T14:20:00+03:00',
    lon: 34.455,
    lat: 31.505,
    type: V,
    sub: 'Attack',
    text: 'Man shot while returning to his house in Gaza City.',
    source: ['ngo', 'PRCS ambulance crew'],
    fatalities: 1,
  },
  {
    at: '2025-10-13T09:10:00+03:00',
    lon: 34.5,
    lat: 31.545,
    type: E,
    sub: 'Air/drone strike',
    text: 'Drone strike on a vehicle in Beit Lahia.',
    source: ['media', 'Local radio'],
    fatalities: 2,
  },
  {
    at: '2025-10-13T09:30:00+03:00',
    lon: 34.501,
    lat: 31.546,
    type: E,
    sub: 'Air/drone strike',
    text: 'Second account: car hit by a drone, two killed.',
    source: ['un', 'OCHA field office'],
    fatalities: 2,
  },
  {
    at: '2025-10-14T16:00:00+03:00',
    lon: 34.35,
    lat: 31.42,
    type: S,
    sub: 'Looting/property destruction',
    text: 'Aid warehouse broken into overnight.',
    source: ['ngo', 'WFP logistics'],
  },
  {
    at: '2025-10-15T11:45:00+03:00',
    lon: 34.3,
    lat: 31.345,
    type: 'Battles',
    sub: 'Armed clash',
    text: 'Exchange of fire between armed men in Khan Yunis centre.',
    source: ['party', 'Liaison office'],
    fatalities: 3,
  },
  {
    at: '2025-10-16T05:50:00+03:00',
    lon: 34.25,
    lat: 31.29,
    type: E,
    sub: 'Remote explosive/landmine/IED',
    text: 'Explosion of a device by the road to the crossing.',
    source: ['patrol', 'EUBAM team 2'],
    injuries: 1,
  },
  {
    at: '2025-10-17T13:00:00+03:00',
    lon: 34.34,
    lat: 31.33,
    type: E,
    sub: 'Shelling/artillery/missile attack',
    text: 'Mortar rounds near Bani Suheila.',
    source: ['media', 'News agency'],
    injuries: 4,
  },
  {
    at: '2025-10-19T08:15:00+03:00',
    lon: 34.28,
    lat: 31.27,
    type: E,
    sub: 'Air/drone strike',
    text: 'Air strike reported in eastern Rafah after an attack on troops.',
    source: ['party', 'Military spokesperson'],
    fatalities: 2,
  },
  {
    at: '2025-10-19T08:40:00+03:00',
    lon: 34.281,
    lat: 31.271,
    type: E,
    sub: 'Air/drone strike',
    text: 'Strike hit a building; rescue teams on site.',
    source: ['ngo', 'Civil defence'],
    fatalities: 2,
    injuries: 6,
  },
  {
    at: '2025-10-21T10:00:00+03:00',
    lon: 34.485,
    lat: 31.53,
    type: V,
    sub: 'Abduction/forced disappearance',
    text: 'Young man taken from a checkpoint in Jabalia.',
    source: ['public', 'Family member'],
  },
  {
    at: '2025-10-23T17:30:00+03:00',
    lon: 34.36,
    lat: 31.41,
    type: 'Protests',
    sub: 'Peaceful protest',
    text: 'Gathering calling for the reopening of the crossing.',
    source: ['media', 'Local TV'],
  },
  {
    at: '2025-10-25T12:00:00+03:00',
    lon: 34.31,
    lat: 31.36,
    type: S,
    sub: 'Disrupted weapons use',
    text: 'Rocket launcher found and disabled.',
    source: ['party', 'Liaison office'],
  },
  {
    at: '2025-10-28T21:10:00+02:00',
    lon: 34.46,
    lat: 31.5,
    type: E,
    sub: 'Grenade',
    text: 'Grenade thrown at a police post.',
    source: ['media', 'Local radio'],
    injuries: 2,
  },
  {
    at: '2025-10-29T22:30:00+02:00',
    lon: 34.47,
    lat: 31.48,
    type: E,
    sub: 'Air/drone strike',
    text: 'Series of strikes across Gaza City after a soldier was killed.',
    source: ['un', 'UNRWA'],
    fatalities: 5,
  },
  {
    at: '2025-10-29T23:00:00+02:00',
    lon: 34.471,
    lat: 31.481,
    type: E,
    sub: 'Air/drone strike',
    text: 'Strike on a residential block, casualties.',
    source: ['ngo', 'MSF'],
    fatalities: 6,
    injuries: 10,
  },
  {
    at: '2025-11-02T07:00:00+02:00',
    lon: 34.33,
    lat: 31.32,
    type: 'Battles',
    sub: 'Armed clash',
    text: 'Clash near the line east of Khan Yunis.',
    source: ['patrol', 'UN patrol Bravo-1'],
    fatalities: 1,
  },
  {
    at: '2025-11-05T15:20:00+02:00',
    lon: 34.37,
    lat: 31.43,
    type: V,
    sub: 'Attack',
    text: 'Shots fired at people approaching the line.',
    source: ['public', 'Witness'],
    injuries: 2,
  },
  {
    at: '2025-11-08T09:00:00+02:00',
    lon: 34.26,
    lat: 31.3,
    type: S,
    sub: 'Headquarters or base established',
    text: 'New position built west of the line in Rafah.',
    source: ['patrol', 'EUBAM team 1'],
  },
  {
    at: '2025-11-11T13:40:00+02:00',
    lon: 34.51,
    lat: 31.54,
    type: E,
    sub: 'Shelling/artillery/missile attack',
    text: 'Tank fire near Beit Hanoun.',
    source: ['media', 'News agency'],
  },
  {
    at: '2025-11-14T18:00:00+02:00',
    lon: 34.3,
    lat: 31.35,
    type: 'Riots',
    sub: 'Mob violence',
    text: 'Crowd attacked an aid convoy.',
    source: ['ngo', 'WFP logistics'],
    injuries: 3,
  },
  {
    at: '2025-11-17T06:30:00+02:00',
    lon: 34.45,
    lat: 31.51,
    type: E,
    sub: 'Remote explosive/landmine/IED',
    text: 'Unexploded ordnance detonated during clearance.',
    source: ['un', 'UNMAS'],
    injuries: 1,
  },
  {
    at: '2025-11-20T11:00:00+02:00',
    lon: 34.35,
    lat: 31.425,
    type: V,
    sub: 'Attack',
    text: 'Fishermen fired upon off Deir al-Balah.',
    source: ['public', "Fishermen's union"],
    injuries: 1,
  },
];

function demoFacts(facts: DemoReport['facts'], places: ReadonlyMap<string, string>): CreateReport['facts'] {
  if (!facts) return {};
  const { place, ...rest } = facts;
  return { ...rest, ...(place ? { placeId: places.get(place) } : {}) };
}

export async function seedMonitoring(ctx: DemoContext): Promise<void> {
  // The demo's accounts as the policy sees them (organisation chain included), acting as if signed in.
  const actor = async (email: string): Promise<Actor> => {
    const p = await findPrincipalByEmail(ctx.tx, email);
    if (!p) throw new Error(`the demo has no account ${email}`);
    return actorOfPrincipal(p, 'session');
  };
  const un = await actor('monitor.un@truce.example');
  const eu = await actor('monitor.eu@truce.example');
  const coord = await actor('coordinator@truce.example');

  const places = await seedPlaces(ctx);
  const incidents: string[] = [];
  // A demo loaded with an earlier clock (tests) gets the part of the story that has happened.
  const happened = (iso: string) => Date.parse(iso) <= ctx.now.getTime();
  for (const [i, r] of REPORTS.entries()) {
    if (!happened(r.at)) continue;
    const input: CreateReport = {
      clientId: derivedClientId(`demo-report-${i}`),
      occurredAt: r.at,
      timePrecision: 1,
      location: { type: 'Point', coordinates: [r.lon, r.lat] },
      geoPrecision: 1,
      eventType: r.type,
      subEventType: r.sub,
      observations: {},
      fatalities: r.fatalities === undefined ? {} : { best: r.fatalities },
      injuries: r.injuries === undefined ? {} : { best: r.injuries },
      source: { kind: r.source[0], name: r.source[1], reliability: 'probable' },
      description: r.text,
      evidence: [],
      facts: demoFacts(r.facts, places),
    };
    const prepared = await prepareReport(ctx.tx, input, ctx.now);
    // Filed an hour after the event (never after the demo's "now").
    const filedAt = new Date(Math.min(Date.parse(r.at) + 3600_000, ctx.now.getTime()));
    const row = await insertReport(ctx.tx, ctx.record, input, prepared, i % 2 === 0 ? un : eu, filedAt);
    if (!incidents.includes(row.incident_id)) incidents.push(row.incident_id);
  }

  const at = (iso: string) => new Date(Math.min(Date.parse(iso), ctx.now.getTime()));
  const step = async (
    when: string,
    id: string,
    to: IncidentStatus,
    rationale: string,
    by: Actor,
    ruling?: { outcome: Outcome; party?: string },
  ) => {
    if (!happened(when)) return;
    const current = await getIncidentRow(ctx.tx, id);
    const change = ruling
      ? {
          status: to,
          outcome: ruling.outcome,
          provision_id: ruling.outcome === 'violation' ? DEMO_PROVISION_ID : null,
          responsible_org_id: ruling.party ? ctx.orgIds.get(ruling.party)! : null,
          ruling_round: current.ruling_round + 1,
        }
      : { status: to };
    const next = await updateIncident(ctx.tx, ctx.record, current, change, 'transition', by, at(when));
    await appendEvent(
      ctx.tx,
      ctx.record,
      {
        incidentId: id,
        action: 'transition',
        fromStatus: current.status,
        toStatus: to,
        outcome: next.outcome,
        rationale,
        round: next.ruling_round,
      },
      by,
      at(when),
    );
  };
  const approve = async (when: string, id: string, by: Actor, note: string) => {
    if (!happened(when)) return;
    const current = await getIncidentRow(ctx.tx, id);
    await appendEvent(
      ctx.tx,
      ctx.record,
      { incidentId: id, action: 'approve', outcome: current.outcome, rationale: note, round: current.ruling_round },
      by,
      at(when),
    );
  };
  const assign = async (when: string, id: string, to: Actor, by: Actor) => {
    if (!happened(when)) return;
    const current = await getIncidentRow(ctx.tx, id);
    await updateIncident(ctx.tx, ctx.record, current, { assignee_user_id: to.userId }, 'update', by, at(when));
    await appendEvent(
      ctx.tx,
      ctx.record,
      {
        incidentId: id,
        action: 'assign',
        rationale: '',
        round: current.ruling_round,
        detail: { assigneeUserId: to.userId, previousAssigneeUserId: null },
      },
      by,
      at(when),
    );
  };

  const [shelling, , beitLahia, , khanYunis, , , rafahStrike, , , , , gazaStrikes] = incidents;
  // Ruled violation: the strikes of 29 October, jointly approved by the UN and EUBAM Rafah.
  if (gazaStrikes) {
    await step(
      '2025-10-30T10:00:00Z',
      gazaStrikes,
      'preliminary',
      'Two independent sources, casualties confirmed by hospitals',
      un,
    );
    await step('2025-10-31T09:00:00Z', gazaStrikes, 'investigating', 'Site visit requested', un);
    await step(
      '2025-11-06T15:00:00Z',
      gazaStrikes,
      'ruling_proposed',
      'Strikes on residential blocks outside any agreed exception',
      un,
      { outcome: 'violation', party: 'Israel' },
    );
    await approve('2025-11-06T15:30:00Z', gazaStrikes, un, 'Site visit confirms');
    await approve('2025-11-07T08:00:00Z', gazaStrikes, eu, 'Agreed on the evidence');
    await step('2025-11-07T08:00:01Z', gazaStrikes, 'ruled', 'approved by 2 organisations (quorum 2)', eu);
  }
  // Published: the first shelling, ruled with insufficient evidence and released to the parties.
  if (shelling) {
    await step('2025-10-11T12:00:00Z', shelling, 'preliminary', 'Credible accounts', eu);
    await step('2025-10-12T09:00:00Z', shelling, 'investigating', 'Crater analysis', eu);
    await step(
      '2025-10-20T14:00:00Z',
      shelling,
      'ruling_proposed',
      'No fragments recovered; origin cannot be established',
      eu,
      { outcome: 'insufficient_evidence' },
    );
    await approve('2025-10-20T14:10:00Z', shelling, eu, '');
    await approve('2025-10-21T09:00:00Z', shelling, un, '');
    await step('2025-10-21T09:00:01Z', shelling, 'ruled', 'approved by 2 organisations (quorum 2)', un);
    await step('2025-10-24T12:00:00Z', shelling, 'published', 'Released to the parties', coord);
  }
  // Proposed, waiting for a second organisation.
  if (rafahStrike) {
    await step('2025-10-19T16:00:00Z', rafahStrike, 'preliminary', 'Both parties acknowledge the strike', eu);
    await step('2025-10-20T08:00:00Z', rafahStrike, 'investigating', 'Claims of a prior attack to be checked', eu);
    await step(
      '2025-11-18T10:00:00Z',
      rafahStrike,
      'ruling_proposed',
      'Response to an attack on troops; proportionality in question',
      eu,
      { outcome: 'violation', party: 'Israel' },
    );
    await approve('2025-11-18T10:05:00Z', rafahStrike, eu, '');
  }
  if (beitLahia) {
    await step('2025-10-13T15:00:00Z', beitLahia, 'preliminary', 'Confirmed by OCHA', un);
    await step('2025-10-14T09:00:00Z', beitLahia, 'investigating', 'Vehicle remains inspected', un);
    await assign('2025-10-14T09:05:00Z', beitLahia, un, coord);
  }
  if (khanYunis) {
    await step('2025-10-30T12:00:00Z', khanYunis, 'closed', 'Access to the site denied for two weeks', un);
  }
}
