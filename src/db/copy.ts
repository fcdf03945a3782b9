/**
 * @module `truce db copy`: everything in one database, the log included, into an empty
 * PostgreSQL database (typically from the embedded one, when a mission outgrows it). The target
 * gets the same schema by running the same migrations, then every table's rows in one
 * transaction (all or nothing), parents before children. Rows referring to rows of their own
 * table (an organisation's parent, a merged incident, a provision depending on another) go in
 * layers, referenced rows first, since a check may forbid leaving such a column empty. Values travel as they are; only JSON and bytes
 * are re-encoded for the PostgreSQL driver. Serial counters are moved past the copied rows.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';
import { migrateToLatest } from './migrate.ts';

type Row = Record<string, unknown>;
type AnyDb = Kysely<Record<string, Row>>;

const SKIP = new Set(['kysely_migration', 'kysely_migration_lock']);
const PAGE = 1000;

interface TableInfo {
  name: string;
  columns: { name: string; type: string }[];
  primaryKey: string[];
  /** Columns referencing the same table: inserted as null, set afterwards. */
  selfRefs: string[];
  serials: string[];
}

export interface CopyProgress {
  (table: string, copied: number, total: number): void;
}

export interface CopyReport {
  tables: { name: string; rows: number }[];
  logSize: number;
}

async function tablesOf(db: Kysely<DB>): Promise<TableInfo[]> {
  const tables = (
    await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db)
  ).rows
    .map((r) => r.name)
    .filter((n) => !SKIP.has(n));
  const columns = (
    await sql<{ table: string; name: string; type: string; generated: string; def: string | null }>`
      select table_name as table, column_name as name, data_type as type, is_generated as generated,
             column_default as def
      from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`.execute(db)
  ).rows;
  const constraints = (
    await sql<{ table: string; kind: string; parent: string | null; cols: string }>`
      select c.conrelid::regclass::text as table, c.contype as kind, c.confrelid::regclass::text as parent,
             (select string_agg(a.attname, ',' order by k.ord) from unnest(c.conkey) with ordinality k(num, ord)
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.num) as cols
      from pg_constraint c where c.connamespace = 'public'::regnamespace and c.contype in ('p', 'f')`.execute(db)
  ).rows;
  return tables.map((name) => ({
    name,
    columns: columns
      .filter((c) => c.table === name && c.generated !== 'ALWAYS')
      .map((c) => ({ name: c.name, type: c.type })),
    primaryKey: constraints.find((c) => c.table === name && c.kind === 'p')?.cols.split(',') ?? [],
    selfRefs: constraints
      .filter((c) => c.table === name && c.kind === 'f' && c.parent === name)
      .flatMap((c) => c.cols.split(',')),
    serials: columns.filter((c) => c.table === name && c.def?.startsWith('nextval(')).map((c) => c.name),
  }));
}

/** Parents before children (foreign keys between different tables). */
async function copyOrder(db: Kysely<DB>, tables: TableInfo[]): Promise<TableInfo[]> {
  const edges = (
    await sql<{ child: string; parent: string }>`
      select conrelid::regclass::text as child, confrelid::regclass::text as parent from pg_constraint
      where contype = 'f' and connamespace = 'public'::regnamespace and conrelid <> confrelid`.execute(db)
  ).rows;
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (name: string, path: string[]): void => {
    if (done.has(name)) return;
    if (path.includes(name)) throw new Error(`db copy: foreign keys form a cycle: ${[...path, name].join(' -> ')}`);
    for (const e of edges) if (e.child === name && byName.has(e.parent)) visit(e.parent, [...path, name]);
    done.add(name);
    const t = byName.get(name);
    if (t) out.push(t);
  };
  for (const t of tables) visit(t.name, []);
  return out;
}

function encode(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  // JSON is read as its text (see `pages`): a JSON null and an SQL NULL stay apart.
  if (type === 'json' || type === 'jsonb') return value;
  if (type === 'bytea' && value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return value;
}

/** Reads a table in primary-key order, a page at a time (keyset paging: no OFFSET scans). */
async function* pages(db: Kysely<DB>, t: TableInfo): AsyncGenerator<Row[]> {
  const cols = sql.join(
    t.columns.map((c) =>
      c.type === 'json' || c.type === 'jsonb' ? sql`${sql.ref(c.name)}::text as ${sql.ref(c.name)}` : sql.ref(c.name),
    ),
  );
  if (t.primaryKey.length === 0) {
    yield (await sql<Row>`select ${cols} from ${sql.table(t.name)}`.execute(db)).rows;
    return;
  }
  const key = sql.join(t.primaryKey.map((c) => sql.ref(c)));
  let last: unknown[] | undefined;
  for (;;) {
    const after = last ? sql`where (${key}) > (${sql.join(last.map((v) => sql`${v}`))})` : sql``;
    const rows = (
      await sql<Row>`select ${cols} from ${sql.table(t.name)} ${after} order by ${key} limit ${PAGE}`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    yield rows;
    const tail = rows[rows.length - 1] as Row;
    last = t.primaryKey.map((c) => tail[c]);
    if (rows.length < PAGE) return;
  }
}

/** Rows in layers: each refers (by its self-referencing columns) only to rows of earlier layers. */
function selfRefLayers(t: TableInfo, rows: Row[]): Row[][] {
  if (t.primaryKey.length !== 1) throw new Error(`db copy: ${t.name} refers to itself without a one-column key`);
  const pk = t.primaryKey[0] as string;
  const placed = new Set<unknown>();
  const layers: Row[][] = [];
  let left = rows;
  while (left.length > 0) {
    const ready = left.filter((r) => t.selfRefs.every((c) => r[c] === null || r[c] === r[pk] || placed.has(r[c])));
    if (ready.length === 0) throw new Error(`db copy: rows of ${t.name} refer to each other in a cycle`);
    for (const r of ready) placed.add(r[pk]);
    const readySet = new Set(ready);
    left = left.filter((r) => !readySet.has(r));
    layers.push(ready);
  }
  return layers;
}

/** Copies every row of `source` into `target` (migrated here; must hold no rows). */
export async function copyDatabase(from: Kysely<DB>, target: Kysely<DB>, progress?: CopyProgress): Promise<CopyReport> {
  await migrateToLatest(target as unknown as Kysely<unknown>);
  // One snapshot of the source: servers still writing to a PostgreSQL source change nothing here.
  return from
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((source) => copyFrom(source, target, progress));
}

async function copyFrom(source: Kysely<DB>, target: Kysely<DB>, progress?: CopyProgress): Promise<CopyReport> {
  const tables = await copyOrder(source, await tablesOf(source));
  const targetTables = new Set((await tablesOf(target)).map((t) => t.name));
  const missing = tables.filter((t) => !targetTables.has(t.name)).map((t) => t.name);
  if (missing.length > 0)
    throw new Error(`db copy: the target lacks tables ${missing.join(', ')} (different versions?)`);
  const counts = new Map<string, number>();
  for (const t of tables) {
    const n = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.name)}`.execute(source)).rows[0]
      ?.n;
    counts.set(t.name, n ?? 0);
  }
  const report: CopyReport = { tables: [], logSize: 0 };
  await target.transaction().execute(async (tx) => {
    for (const t of tables) {
      const [row] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.name)}`.execute(tx)).rows;
      if ((row?.n ?? 0) > 0)
        throw new Error(`db copy: the target's table ${t.name} is not empty; copy into an empty database`);
    }
    for (const t of tables) {
      let copied = 0;
      const total = counts.get(t.name) ?? 0;
      const insert = async (rows: Row[]) => {
        const values = rows.map((r) => Object.fromEntries(t.columns.map((c) => [c.name, encode(r[c.name], c.type)])));
        // Bounded by PostgreSQL's 65535 parameters per statement.
        const chunk = Math.max(1, Math.floor(60000 / Math.max(1, t.columns.length)));
        for (let i = 0; i < values.length; i += chunk)
          await (tx as unknown as AnyDb)
            .insertInto(t.name)
            .values(values.slice(i, i + chunk))
            .execute();
        copied += rows.length;
        progress?.(t.name, copied, total);
      };
      if (t.selfRefs.length === 0) {
        for await (const rows of pages(source, t)) await insert(rows);
      } else {
        // Rows referring to rows of the same table go after those (checks may forbid a null there).
        const all: Row[] = [];
        for await (const rows of pages(source, t)) all.push(...rows);
        for (const layer of selfRefLayers(t, all)) await insert(layer);
      }
      for (const c of t.serials)
        await sql`select setval(pg_get_serial_sequence(${t.name}, ${c}), coalesce((select max(${sql.ref(c)}) from ${sql.table(t.name)}), 0) + 1, false)`.execute(
          tx,
        );
      report.tables.push({ name: t.name, rows: copied });
    }
    const head = await tx.selectFrom('log_state').select('size').where('id', '=', 1).executeTakeFirst();
    report.logSize = head?.size ?? 0;
  });
  return report;
}
