import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  cosign,
  emptyRoot,
  formatAddCheckpointRequest,
  formatSignatureLine,
  MAX_PROOF_LINES,
  openCosignatures,
  parseAddCheckpointRequest,
  parseCosignerKey,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  TlogError,
  witnessDecide,
  type NoteVerifier,
  type WitnessDecision,
  type WitnessLogState,
} from '../../../src/tlog/node.ts';
import { b64, hex, monkeys as m, sumdb, vectors } from './helpers.ts';

const w = vectors.cosignature[0];
if (w === undefined) throw new Error('cosignature vector missing');

const rootOf = (cp: string): Uint8Array => b64(cp.split('\n')[2] as string);
const proof5to8 = m.proof5to8Hex.map(hex);
const logs = new Map<string, readonly NoteVerifier[]>([['monkeys', [parseVerifierKey(m.vkey)]]]);
const at5: WitnessLogState = { size: 5, root: rootOf(m.size5) };

function decide(state: WitnessLogState | undefined, body: string, known = logs): WitnessDecision {
  return witnessDecide(state, parseAddCheckpointRequest(body), known);
}
const body = (old: number, proof: readonly Uint8Array[], cp: string): string =>
  formatAddCheckpointRequest({ oldSize: old, proof, checkpoint: cp });

describe('add-checkpoint request format', () => {
  it('round-trips the spec layout', () => {
    const text = body(5, proof5to8, m.size8);
    assert.ok(text.startsWith(`old 5\n${Buffer.from(proof5to8[0] as Uint8Array).toString('base64')}\n`));
    assert.ok(text.endsWith(`\n\n${m.size8}`));
    assert.deepEqual(parseAddCheckpointRequest(text), { oldSize: 5, proof: proof5to8, checkpoint: m.size8 });
    assert.deepEqual(parseAddCheckpointRequest(body(0, [], m.size5)).proof, []);
  });

  it('rejects malformed bodies (HTTP 400)', () => {
    const line = Buffer.from(proof5to8[0] as Uint8Array).toString('base64');
    for (const bad of [
      `old 05\n\n${m.size8}`,
      `old -1\n\n${m.size8}`,
      `new 5\n\n${m.size8}`,
      `old 5\n${line}\n${m.size8}`,
      `old 5\nAAAA\n\n${m.size8}`,
      `old 5\n${`${line}\n`.repeat(MAX_PROOF_LINES + 1)}\n${m.size8}`,
      'old 5\n',
    ]) {
      assert.throws(
        () => parseAddCheckpointRequest(bad),
        (e: unknown) => e instanceof TlogError && e.code === 'malformed',
      );
    }
    assert.equal(
      parseAddCheckpointRequest(`old 5\n${`${line}\n`.repeat(MAX_PROOF_LINES)}\n${m.size8}`).proof.length,
      63,
    );
  });
});

describe('witnessDecide', () => {
  it('cosigns a consistent checkpoint (200) and reports the state to store', () => {
    const d = decide(at5, body(5, proof5to8, m.size8));
    assert.equal(d.status, 200);
    if (d.status !== 200) return;
    assert.deepEqual(d.newState, { size: 8, root: rootOf(m.size8) });
    assert.equal(d.body, parseNote(m.size8).text);
    // The caller then cosigns the body; the line verifies against the witness's cosigner key.
    const witness = parseSignerKey(w.witness_skey_go_format);
    const line = formatSignatureLine(cosign(d.body, 1700000000, witness.name, witness.privateKey));
    assert.equal(line, `${w.cosignature_line}\n`);
    const cosigned = parseNote(`${m.size8}${line}`);
    assert.equal(openCosignatures(cosigned, [parseCosignerKey(w.cosigner_vkey_type04)]).length, 1);
  });

  it('accepts a first checkpoint from size 0 with an empty proof', () => {
    const d = decide(undefined, body(0, [], m.size5));
    assert.equal(d.status, 200);
    if (d.status === 200) assert.deepEqual(d.newState, at5);
  });

  it('accepts the same checkpoint again (same size, same root)', () => {
    assert.equal(decide(at5, body(5, [], m.size5)).status, 200);
  });

  it('404 for an unknown origin', () => {
    assert.equal(decide(at5, body(5, proof5to8, m.size8), new Map()).status, 404);
  });

  it('403 when no trusted log key signed', () => {
    const other = new Map([['monkeys', [parseVerifierKey(sumdb.vkey)]]]);
    assert.equal(decide(at5, body(5, proof5to8, m.size8), other).status, 403);
    const forged = m.size8.replace('\n8\n', '\n9\n');
    assert.equal(decide(at5, body(5, proof5to8, forged)).status, 403);
  });

  it('400 when the old size exceeds the checkpoint size or the checkpoint is malformed', () => {
    assert.equal(decide(at5, body(9, [], m.size8)).status, 400);
    assert.equal(decide(at5, body(5, [], 'monkeys\n8\n')).status, 400);
  });

  it('409 with the current size when the old size is stale', () => {
    const d = decide({ size: 6, root: emptyRoot() }, body(5, proof5to8, m.size8));
    assert.equal(d.status, 409);
    if (d.status === 409) assert.equal(d.size, 6);
    const fresh = decide(undefined, body(5, proof5to8, m.size8));
    assert.equal(fresh.status, 409);
    if (fresh.status === 409) assert.equal(fresh.size, 0);
  });

  it('409 for the same size with a different root (a split view)', () => {
    const d = decide({ size: 8, root: rootOf(m.size5) }, body(8, [], m.size8));
    assert.equal(d.status, 409);
  });

  it('422 when the consistency proof fails', () => {
    assert.equal(decide(at5, body(5, proof5to8.slice(1), m.size8)).status, 422);
    assert.equal(decide(at5, body(5, [...proof5to8].reverse(), m.size8)).status, 422);
    assert.equal(decide({ size: 5, root: rootOf(m.size8) }, body(5, proof5to8, m.size8)).status, 422);
    assert.equal(decide(undefined, body(0, proof5to8, m.size8)).status, 422);
  });
});
