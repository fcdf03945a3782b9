/**
 * @module Bulk import formats to report inputs, pure: CSV with ACLED's column names (plus our
 * own optional ones) and GeoJSON FeatureCollections of Points. Each row keeps its line (CSV)
 * or feature number (GeoJSON) so a bad one is named exactly. A row without `client_id` gets
 * one derived from ACLED's `event_id_cnty` (or the row's content), so importing the same file
 * twice creates nothing new.
 */
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { CreateReport } from '../../contract/monitoring.ts';
import { illFormedStrings } from '../../contract/common.ts';
import type { FieldError } from '../errors.ts';
import { yieldToOthers } from './import-limits.ts';

export type ImportFormat = 'csv' | 'geojson';

export interface ImportRow {
  /** CSV: the file line the record starts on; GeoJSON: the feature number (1-based). */
  line: number;
  input: CreateReport;
}

/** The good rows and the errors of the bad ones (the caller checks the good ones further before deciding). */
export interface Parsed {
  rows: ImportRow[];
  errors: FieldError[];
}

/** A stable UUID (version-5 layout) from a text key. */
export function derivedClientId(key: string): string {
  const h = createHash('sha256').update(`truce-import:${key}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const num = (v: string | undefined): number | undefined => (v === undefined || v.trim() === '' ? undefined : Number(v));
const text = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** ACLED's source_scale says how far the source is from the event, not who it is: media by default. */
function csvToInput(r: Record<string, string>): Record<string, unknown> {
  const eventDate = text(r.event_date);
  const occurredAt = text(r.occurred_at) ?? (eventDate ? `${eventDate}T00:00:00Z` : undefined);
  const actor = (name: string | undefined, inter: string | undefined) =>
    text(name) ? { name: text(name), interCode: num(inter) ?? 0 } : undefined;
  const input: Record<string, unknown> = {
    clientId: text(r.client_id) ?? derivedClientId(text(r.event_id_cnty) ?? JSON.stringify(r)),
    occurredAt,
    timePrecision: num(r.time_precision),
    location: { type: 'Point', coordinates: [num(r.longitude), num(r.latitude)] },
    geoPrecision: num(r.geo_precision),
    eventType: text(r.event_type),
    subEventType: text(r.sub_event_type),
    actor1: actor(r.actor1, r.inter1),
    actor2: actor(r.actor2, r.inter2),
    fatalities: num(r.fatalities) === undefined ? undefined : { best: num(r.fatalities) },
    injuries: num(r.injuries) === undefined ? undefined : { best: num(r.injuries) },
    source: {
      kind: text(r.source_kind) ?? 'media',
      name: text(r.source_name) ?? text(r.source) ?? 'unknown',
      ...(text(r.source_reliability) ? { reliability: text(r.source_reliability) } : {}),
    },
    description: text(r.description) ?? text(r.notes),
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

function validate(line: number, raw: unknown, label: string): ImportRow | FieldError[] {
  // A GeoJSON property may spell a lone surrogate in any field, declared as free text or not.
  const illFormed = illFormedStrings(raw, '');
  if (illFormed.length > 0)
    return illFormed.map((e) => ({ path: `${label} ${line}: ${e.path.slice(1) || '(row)'}`, message: e.message }));
  const r = CreateReport.safeParse(raw);
  if (r.success) return { line, input: r.data };
  return r.error.issues.map((i) => ({ path: `${label} ${line}: ${i.path.join('.') || '(row)'}`, message: i.message }));
}

/** Rows validated between two yields to the event loop (each is a schema check and maybe a hash). */
const YIELD_EVERY = 200;

/**
 * Reads and validates every row. Validating 20,000 rows takes a second or more of CPU, so it
 * yields every YIELD_EVERY rows: other users' requests are served meanwhile.
 */
export async function parseImport(content: string, format: ImportFormat, maxRows: number): Promise<Parsed> {
  const errors: FieldError[] = [];
  const rows: ImportRow[] = [];
  const toValidate: (() => ImportRow | FieldError[])[] = [];
  if (format === 'csv') {
    let records: { record: Record<string, string>; info: { lines: number } }[];
    try {
      records = parse<{ record: Record<string, string>; info: { lines: number } }>(content, {
        columns: true,
        skip_empty_lines: true,
        trim: true,
        bom: true,
        info: true,
      });
    } catch (err) {
      const line = (err as { lines?: number }).lines;
      return {
        rows: [],
        errors: [
          { path: line ? `line ${line}` : 'file', message: err instanceof Error ? err.message : 'unreadable CSV' },
        ],
      };
    }
    if (records.length > maxRows)
      return {
        rows: [],
        errors: [
          {
            path: 'file',
            message: `has ${records.length} rows; at most ${maxRows} rows per import (TRUCE_IMPORT_MAX_ROWS)`,
          },
        ],
      };
    // info.lines is the line the record ends on; a record spans one line unless it quotes newlines.
    for (const { record, info } of records) toValidate.push(() => validate(info.lines, csvToInput(record), 'line'));
  } else {
    let doc: { type?: unknown; features?: unknown };
    try {
      doc = JSON.parse(content) as typeof doc;
    } catch {
      return { rows: [], errors: [{ path: 'file', message: 'not valid JSON' }] };
    }
    if (doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
      return { rows: [], errors: [{ path: 'file', message: 'must be a GeoJSON FeatureCollection' }] };
    if (doc.features.length > maxRows)
      return {
        rows: [],
        errors: [
          {
            path: 'file',
            message: `has ${doc.features.length} features; at most ${maxRows} features per import (TRUCE_IMPORT_MAX_ROWS)`,
          },
        ],
      };
    (doc.features as { geometry?: unknown; properties?: Record<string, unknown> | null }[]).forEach((f, i) => {
      toValidate.push(() => {
        const props = f.properties ?? {};
        const raw = {
          ...props,
          clientId: props.clientId ?? derivedClientId(JSON.stringify([f.geometry, props])),
          location: f.geometry,
        };
        return validate(i + 1, raw, 'feature');
      });
    });
  }
  for (const [n, next] of toValidate.entries()) {
    if (n % YIELD_EVERY === 0) await yieldToOthers();
    const v = next();
    if (Array.isArray(v)) errors.push(...v);
    else rows.push(v);
  }
  return { rows, errors };
}
