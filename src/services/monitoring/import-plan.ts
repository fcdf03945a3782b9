/**
 * @module Planning a checked import: every row the publish step will write, built in memory
 * with short reads only (no transaction held), so that publishing gives what filing the same
 * rows one by one, in file order, would give (apart from ids and timestamps):
 *
 * - each row is grouped by the same rule (pickIncident) over the same candidates: the open
 *   incidents on record when the plan is made (read in a few slices of time, not one query
 *   per row), as the import's earlier rows left them, and the incidents those rows opened;
 * - a row that opens an incident records the incident's `create`, the map grids' counts, the
 *   history event and its change; a row that joins one records an `update` (report_count + 1,
 *   earliest time, version + 1), then the report and its `create`: the same changes in the
 *   same order as one-by-one filing, so the log holds the same entries;
 * - an incident on record that the import joins is published only if it is still at the
 *   version the plan read (else the plan is stale and made again).
 */
import type { Kysely, Selectable } from 'kysely';
import type { CreateReport } from '../../contract/monitoring.ts';
import type { DB } from '../../db/schema.ts';
import type { IncidentEventTable } from '../../db/schema/monitoring.ts';
import type { Actor } from '../../domain/policy.ts';
import {
  DEFAULT_GROUPING,
  pickIncident,
  searchBox,
  type GroupCandidate,
  type GroupingThresholds,
} from '../../domain/monitoring/grouping.ts';
import { gridDeltas, type GridDelta, type GridKind } from '../../domain/monitoring/clustering.ts';
import { OPEN_STATUSES } from '../../domain/monitoring/workflow.ts';
import { openIncidentsIn, type StageTarget } from '../../repositories/monitoring/imports.ts';
import { buildChange, type BuiltChange, type ChangeInput } from '../records.ts';
import { newIncidentRow, reportRow, type ReportPlace } from './reports.ts';
import { eventChange, eventRow, type IncidentState } from './incident-writes.ts';
import { yieldToOthers } from './import-limits.ts';
import { randomUUID } from 'node:crypto';
import { incidentKind, reportKind } from '../../log/kinds/monitoring.ts';

export interface CheckedRow {
  input: CreateReport;
  ctx: ReportPlace;
}

/** A row for one record table, as the staging table keeps it. */
export interface StagedRow {
  target: StageTarget;
  row: Record<string, unknown>;
}

export interface ImportPlan {
  staged: StagedRow[];
  /** Incidents on record the import joins: the publish step checks each is still as planned. */
  joinedOnRecord: number;
  /** Distinct incidents the import's reports are in (opened or joined). */
  incidents: number;
}

/** An incident on record (read when planning) or opened by the import, in its state after the rows planned so far. */
interface Touched {
  state: IncidentState;
  /** The version on record when the plan read it; null for an incident the import opens. */
  plannedVersion: number | null;
  /** Whether the import changes it (opens or joins it). */
  changed: boolean;
  /** Candidates are offered in a stable order: incidents on record first, then the import's. */
  order: number;
}

/** The incidents rows may join, indexed by event type and time bucket so each row looks at few. */
class Incidents {
  readonly byId = new Map<string, Touched>();
  private readonly buckets = new Map<string, Set<Touched>>();
  constructor(private readonly windowMs: number) {}

  private key(eventType: string, t: Date | string): string {
    return `${eventType}|${Math.floor(new Date(t).getTime() / this.windowMs)}`;
  }

  private bucket(k: string): Set<Touched> {
    let b = this.buckets.get(k);
    if (!b) this.buckets.set(k, (b = new Set()));
    return b;
  }

  add(state: IncidentState, plannedVersion: number | null, changed: boolean): void {
    if (this.byId.has(state.id)) return;
    const t: Touched = { state, plannedVersion, changed, order: this.byId.size };
    this.byId.set(state.id, t);
    this.bucket(this.key(state.event_type, state.occurred_at)).add(t);
  }

  /** Replaces an incident's state (its time may move earlier, so its bucket too). */
  update(next: IncidentState): void {
    const t = this.byId.get(next.id)!;
    t.changed = true;
    this.buckets.get(this.key(t.state.event_type, t.state.occurred_at))?.delete(t);
    t.state = next;
    this.bucket(this.key(next.event_type, next.occurred_at)).add(t);
  }

  /** The candidates groupingCandidates would return among these: open, same type, in the box and window. */
  candidates(eventType: string, box: ReturnType<typeof searchBox>, from: Date, to: Date): GroupCandidate[] {
    const found: Touched[] = [];
    for (let b = Math.floor(from.getTime() / this.windowMs); b <= Math.floor(to.getTime() / this.windowMs); b++) {
      for (const t of this.buckets.get(`${eventType}|${b}`) ?? []) {
        const i = t.state;
        const at = new Date(i.occurred_at).getTime();
        if (
          i.merged_into === null &&
          OPEN_STATUSES.includes(i.status) &&
          i.lon >= box.minLon &&
          i.lon <= box.maxLon &&
          i.lat >= box.minLat &&
          i.lat <= box.maxLat &&
          at >= from.getTime() &&
          at <= to.getTime()
        )
          found.push(t);
      }
    }
    return found
      .sort((a, b) => a.order - b.order)
      .map((t) => ({ id: t.state.id, lon: t.state.lon, lat: t.state.lat, occurredAt: new Date(t.state.occurred_at) }));
  }
}

/** Grid deltas of both grids, netted per cell (the publish step adds each cell once). */
class GridSums {
  private readonly cells = new Map<string, { kind: GridKind; d: GridDelta }>();

  add(before: IncidentState | null, after: IncidentState): void {
    for (const kind of ['exact', 'coarse'] as const) {
      for (const d of gridDeltas(before, after, kind)) {
        const key = `${kind}|${d.level}|${d.gx}|${d.gy}|${d.status}|${d.event_type}`;
        const prev = this.cells.get(key);
        if (!prev) this.cells.set(key, { kind, d: { ...d } });
        else {
          prev.d.n += d.n;
          prev.d.sum_lon += d.sum_lon;
          prev.d.sum_lat += d.sum_lat;
          prev.d.violations += d.violations;
        }
      }
    }
  }

  rows(): StagedRow[] {
    return [...this.cells.values()]
      .filter(({ d }) => d.n !== 0 || d.violations !== 0)
      .map(({ kind, d }) => ({ target: kind === 'exact' ? 'incident_grid' : 'incident_coarse_grid', row: { ...d } }));
  }
}

/** A staged change keeps its payload as JSON (a jsonb column, as in record_changes) and its salts in hex. */
function stagedChange(b: BuiltChange): StagedRow {
  return {
    target: 'record_changes',
    row: {
      ...b.row,
      payload: JSON.parse(b.row.payload) as unknown,
      secrets: b.secrets.map((s) => ({ field: s.field, salt: s.salt.toString('hex'), value: s.value })),
    },
  };
}

const incidentChange = (i: IncidentState, op: 'create' | 'update', actor: Actor | null, at: Date): ChangeInput => ({
  kind: 'incident',
  id: i.id,
  version: i.version,
  op,
  at,
  actor,
  public: incidentKind.public(i),
  restricted: incidentKind.restricted(i),
});

/** Rows planned between two yields to the event loop (each costs a few hashes). */
const YIELD_EVERY = 50;

/** Incidents on record are read in slices of this much time (each one short query). */
const SLICE_MS = 7 * 86_400_000;

/**
 * Reads the incidents on record every row may join: for each event type, the slices of time
 * its rows' windows reach, within the box around all its rows. Same filter as
 * groupingCandidates (open, not merged, same type), read once instead of once per row.
 */
async function loadOnRecord(
  db: Kysely<DB>,
  rows: readonly CheckedRow[],
  into: Incidents,
  windowMs: number,
  radiusKm: number,
): Promise<void> {
  const byType = new Map<string, { slices: Set<number>; box: ReturnType<typeof searchBox> }>();
  for (const r of rows) {
    const t = new Date(r.input.occurredAt).getTime();
    const b = searchBox(r.input.location.coordinates, radiusKm);
    const e = byType.get(r.input.eventType) ?? { slices: new Set<number>(), box: b };
    for (let s = Math.floor((t - windowMs) / SLICE_MS); s <= Math.floor((t + windowMs) / SLICE_MS); s++)
      e.slices.add(s);
    e.box = {
      minLon: Math.min(e.box.minLon, b.minLon),
      maxLon: Math.max(e.box.maxLon, b.maxLon),
      minLat: Math.min(e.box.minLat, b.minLat),
      maxLat: Math.max(e.box.maxLat, b.maxLat),
    };
    byType.set(r.input.eventType, e);
  }
  for (const [eventType, { slices, box }] of byType) {
    for (const s of [...slices].sort((a, b) => a - b)) {
      await yieldToOthers();
      for (const i of await openIncidentsIn(db, eventType, box, new Date(s * SLICE_MS), new Date((s + 1) * SLICE_MS)))
        into.add(i, i.version, false);
    }
  }
}

export async function planImport(
  db: Kysely<DB>,
  rows: readonly CheckedRow[],
  actor: Actor | null,
  now: Date,
  thresholds: GroupingThresholds = DEFAULT_GROUPING,
): Promise<ImportPlan> {
  const windowMs = thresholds.windowMinutes * 60_000;
  const touched = new Incidents(windowMs);
  await loadOnRecord(db, rows, touched, windowMs, thresholds.radiusKm);
  const grid = new GridSums();
  const events: StagedRow[] = [];
  const reports: StagedRow[] = [];
  const changes: StagedRow[] = [];
  const record = (c: ChangeInput) => changes.push(stagedChange(buildChange(c)));
  for (const [n, r] of rows.entries()) {
    if (n % YIELD_EVERY === 0) await yieldToOthers();
    const [lon, lat] = r.input.location.coordinates;
    const occurredAt = new Date(r.input.occurredAt);
    const box = searchBox([lon, lat], thresholds.radiusKm);
    const from = new Date(occurredAt.getTime() - windowMs);
    const to = new Date(occurredAt.getTime() + windowMs);
    const match = pickIncident(
      { lon, lat, occurredAt },
      touched.candidates(r.input.eventType, box, from, to),
      thresholds,
    );
    const current = match ? touched.byId.get(match.id)?.state : undefined;
    let incidentId: string;
    if (current) {
      const earliest =
        new Date(current.occurred_at).getTime() <= occurredAt.getTime() ? current.occurred_at : occurredAt;
      const next: IncidentState = {
        ...current,
        report_count: current.report_count + 1,
        occurred_at: earliest,
        version: current.version + 1,
        updated_at: now,
      };
      record(incidentChange(next, 'update', actor, now));
      grid.add(current, next);
      touched.update(next);
      incidentId = next.id;
    } else {
      const incident = newIncidentRow(r.input, r.ctx, randomUUID(), now);
      touched.add(incident, null, true);
      record(incidentChange(incident, 'create', actor, now));
      grid.add(null, incident);
      const event = eventRow(
        {
          incidentId: incident.id,
          action: 'create',
          toStatus: 'alleged',
          rationale: 'opened by a new report',
          round: 0,
        },
        actor,
        now,
      );
      events.push({ target: 'incident_events', row: event });
      const stored: Selectable<IncidentEventTable> = { ...event, seq: 0 };
      record(eventChange(stored, actor, now));
      incidentId = incident.id;
    }
    const report = reportRow(r.input, r.ctx, incidentId, actor, now);
    reports.push({ target: 'reports', row: report });
    record({
      kind: 'report',
      id: report.id,
      version: 1,
      op: 'create',
      at: now,
      actor,
      public: reportKind.public(report),
      restricted: reportKind.restricted(report),
    });
  }
  const all = [...touched.byId.values()].filter((t) => t.changed);
  const opened: StagedRow[] = all
    .filter((t) => t.plannedVersion === null)
    .map((t) => ({ target: 'incidents', row: { ...t.state } }));
  const joined: StagedRow[] = all
    .filter((t) => t.plannedVersion !== null)
    .map((t) => ({
      target: 'incident_updates',
      row: {
        id: t.state.id,
        planned_version: t.plannedVersion,
        report_count: t.state.report_count,
        occurred_at: t.state.occurred_at,
        version: t.state.version,
        updated_at: t.state.updated_at,
      },
    }));
  return {
    staged: [...opened, ...joined, ...events, ...reports, ...grid.rows(), ...changes],
    joinedOnRecord: joined.length,
    incidents: all.length,
  };
}
