/** @module `truce log key|mirror`, `truce verify`, `truce audit`: the verifiable record from the console. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { withRuntime } from './with-runtime.ts';
import { auditDatabase } from '../log/audit.ts';
import { dirSource, httpSource, type LogSource } from '../log/source.ts';
import { stateOf, verifyLog, VerifyError, type SavedState } from '../log/verify-log.ts';
import { compareRecords, latestLeaves, type RecordView } from '../log/records-check.ts';
import { createClient } from '../contract/client.ts';
import { API_READERS, PUBLIC_READERS } from '../capabilities/index.ts';
import { partySignatureLines } from '../capabilities/consent/log/verify-parties.ts';
import {
  appendLeafHashes,
  openCosignatures,
  parseCosignerKey,
  parseNote,
  decodeEntryBundle,
  emptyTreeState,
  entriesPath,
  leafHash,
  TILE_WIDTH,
  tilePath,
} from '../tlog/node.ts';
import { CliExit, type CliIo } from './io.ts';

function fail(io: CliIo, message: string): never {
  io.stderr.write(`truce: verification FAILED: ${message}\n`);
  throw new CliExit(1);
}

/** The records an account can read (with a token), or the public views (without one). */
async function apiRecords(url: string, token: string | undefined): Promise<RecordView[]> {
  const client = createClient({ baseUrl: url, ...(token ? { token } : {}) });
  const out: RecordView[] = [];
  for (const read of token ? API_READERS : PUBLIC_READERS) out.push(...(await read(client)));
  return out;
}

/** A checkpoint cosigned by too few of the trusted witnesses may be a view shown to you alone. */
function checkWitnesses(io: CliIo, checkpoint: string, keys: string[], quorumFlag: string | undefined): string {
  const quorum = quorumFlag === undefined ? 1 : Number(quorumFlag);
  if (!Number.isInteger(quorum) || quorum < 1 || quorum > keys.length)
    throw new Error(`--quorum must be between 1 and ${keys.length}`);
  let cosigned: number;
  try {
    cosigned = openCosignatures(parseNote(checkpoint), keys.map(parseCosignerKey)).length;
  } catch (err) {
    fail(
      io,
      `a witness cosignature on the checkpoint does not verify: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (cosigned < quorum)
    fail(
      io,
      `the checkpoint is cosigned by ${cosigned} of the witnesses you trust; ${quorum} needed (it may be a view shown only to you)`,
    );
  return `checkpoint cosigned by ${cosigned} of ${keys.length} trusted witnesses (quorum ${quorum})`;
}

export function registerLogCommands(program: Command, io: CliIo): void {
  const log = program.command('log').description('the transparency log');
  log
    .command('key')
    .description("print the log's verifier key (public; give it to every party)")
    .action(async () => {
      const vkey = await withRuntime(io, 'log key', async (rt) => rt.logKey.verifierKey);
      io.stdout.write(`${vkey}\n`);
    });
  log
    .command('mirror')
    .description('save the log (checkpoint, tiles, entry bundles) into DIR for offline verification')
    .requiredOption('--url <url>', 'Truce server')
    .argument('<dir>')
    .action(async (dir: string, o: { url: string }) => {
      const src = httpSource(o.url);
      const checkpoint = await src.get('checkpoint');
      if (!checkpoint) throw new Error(`no checkpoint at ${o.url}`);
      const size = Number(new TextDecoder().decode(checkpoint).split('\n')[1]);
      const save = (rel: string, data: Uint8Array) => {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), data);
      };
      const entries: Uint8Array[] = [];
      for (let n = 0; n * TILE_WIDTH < size; n++) {
        const rel = entriesPath(n, Math.min(TILE_WIDTH, size - n * TILE_WIDTH));
        const data = await src.get(rel);
        if (!data) throw new Error(`missing ${rel}`);
        save(rel, data);
        entries.push(...decodeEntryBundle(data));
        io.stderr.write(`\rentries ${Math.min(size, (n + 1) * TILE_WIDTH)}/${size}`);
      }
      for (const t of appendLeafHashes(emptyTreeState(), entries.map(leafHash)).tiles) {
        const rel = tilePath(t.level, t.index, t.width);
        const data = await src.get(rel);
        if (data) save(rel, data);
      }
      save('checkpoint', checkpoint);
      io.stderr.write('\n');
      io.stdout.write(`mirrored ${size} entries into ${dir}\n`);
    });

  program
    .command('verify')
    .description(
      'verify the log (signature, every entry, every tile, consistency) and, with TRUCE_TOKEN, every record you can read',
    )
    .option('--url <url>', 'Truce server')
    .option('--dir <dir>', 'a mirror made by `truce log mirror`')
    .requiredOption('--vkey <vkey>', "the log's verifier key")
    .option('--state <file>', 'checkpoint remembered from the last run (created, then updated)')
    .option(
      '--witness <vkey>',
      'cosigner key of a witness you trust (repeatable)',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option(
      '--quorum <n>',
      'how many of those witnesses must have cosigned the checkpoint (default: 1 if any are given)',
    )
    .option(
      '--party-key <org=fingerprint>',
      "a party's own key, pinned: every answer it gave since registering a key must be signed by it (repeatable)",
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .action(
      async (o: {
        url?: string;
        dir?: string;
        vkey: string;
        state?: string;
        witness: string[];
        quorum?: string;
        partyKey: string[];
      }) => {
        if (!o.url === !o.dir) throw new Error('give exactly one of --url or --dir');
        const source: LogSource = o.url ? httpSource(o.url) : dirSource(o.dir!);
        const previous =
          o.state && fs.existsSync(o.state) ? (JSON.parse(fs.readFileSync(o.state, 'utf8')) as SavedState) : undefined;
        let verified;
        try {
          verified = await verifyLog(source, o.vkey, previous);
        } catch (err) {
          if (err instanceof VerifyError) fail(io, err.message);
          throw err;
        }
        const lines = [`log ${verified.checkpoint.origin}: ${verified.checkpoint.size} entries verified`];
        lines.push(
          verified.v2From === null
            ? 'leaf format v1 throughout'
            : `leaf format v2 (actors as commitments) from entry ${verified.v2From}`,
        );
        if (o.witness.length > 0) lines.push(checkWitnesses(io, verified.checkpointText, o.witness, o.quorum));
        if (previous) lines.push(`consistent with the saved checkpoint of size ${previous.size}`);
        const token = io.env.TRUCE_TOKEN;
        if (o.url) {
          let records: RecordView[];
          try {
            records = await apiRecords(o.url, token);
          } catch (err) {
            // Only a 403 means "this role may not read these"; anything else must not pass as checked.
            fail(io, `reading records through the API failed: ${err instanceof Error ? err.message : String(err)}`);
          }
          const mismatches = compareRecords(records, latestLeaves(verified.entries), undefined);
          if (mismatches.length > 0) fail(io, mismatches.map((m) => `${m.kind} ${m.id} ${m.problem}`).join('; '));
          lines.push(
            token
              ? `${records.length} records you can read match their latest log entries`
              : `${records.length} public records match their latest log entries (set TRUCE_TOKEN to check what your account can read)`,
          );
        }
        if (o.partyKey.length > 0) {
          const checked = await partySignatureLines(verified.entries, o.partyKey, o.url, token);
          if (checked.problems.length > 0) fail(io, checked.problems.join('; '));
          lines.push(...checked.lines);
        }
        if (o.state) fs.writeFileSync(o.state, JSON.stringify(stateOf(verified.checkpoint), null, 2));
        io.stdout.write(lines.join('\n') + '\nOK\n');
      },
    );

  program
    .command('audit')
    .description('compare every record in the database with its latest log entry (operator)')
    .action(async () => {
      const report = await withRuntime(io, 'audit', async (rt) => {
        try {
          return await auditDatabase(rt.deps.db, rt.logKey.verifierKey);
        } catch (err) {
          if (err instanceof VerifyError) fail(io, err.message);
          throw err;
        }
      });
      if (report.mismatches.length > 0)
        fail(io, report.mismatches.map((m) => `${m.kind} ${m.id} ${m.problem}`).join('; '));
      io.stdout.write(`audit: ${report.records} records match the log (${report.size} entries)\nOK\n`);
    });
}
