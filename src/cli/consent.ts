/**
 * @module `truce consent list`: the decisions at the console, with their state and whose answer
 * each awaits (the operator reads them all, as the mission does; no notes).
 *
 * `truce consent keygen|register-key|sign`: a party signs its own answers where it holds
 * its key (issue 12). The server never sees the private key: this command builds the statement
 * (domain/signing.ts), signs it here and submits the answer with the party's own token, so no
 * one running the server can make an answer that verifies under the party's pinned key.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { createClient, type ApiClient } from '../contract/client.ts';
import { encodeBase64, generateSignerKey, parseSignerKey, type Ed25519Signer } from '../tlog/node.ts';
import { ANSWER_KINDS, DECISION_STATES, type AnswerKind } from '../capabilities/consent/contract/enums.ts';
import { listDecisions } from '../capabilities/consent/services/view.ts';
import { decisionsText } from '../capabilities/consent/presenters/exports.ts';
import { withRuntime } from './with-runtime.ts';
import type { Caveat } from '../capabilities/consent/contract/caveats.ts';
import {
  answerContentDigest,
  answerStatement,
  keyFingerprint,
  keyStatement,
} from '../capabilities/consent/domain/signing.ts';
import type { CliIo } from './io.ts';

function partyClient(io: CliIo, url: string): ApiClient {
  const token = io.env.TRUCE_TOKEN;
  if (!token) throw new Error('set TRUCE_TOKEN to an API token of an account of your organisation');
  return createClient({ baseUrl: url, token });
}

function readKey(file: string): Ed25519Signer {
  return parseSignerKey(fs.readFileSync(file, 'utf8').trim());
}

const sign = (key: Ed25519Signer, text: string): string => encodeBase64(key.sign(text));

export function registerConsentCommands(program: Command, io: CliIo): void {
  const consent = program
    .command('consent')
    .description("decisions and consent: the list, a party's own signing key and signed answers");
  consent
    .command('list')
    .description('list the decisions with their state and whose answer each awaits')
    .option('--state <state>', DECISION_STATES.join(' | '))
    .action(async (o: { state?: string }) => {
      if (o.state !== undefined && !(DECISION_STATES as readonly string[]).includes(o.state))
        throw new Error(`--state must be one of ${DECISION_STATES.join(', ')}`);
      const view = await withRuntime(io, 'consent list', (rt) => listDecisions(rt.deps, null));
      const decisions = view.decisions.filter((d) => o.state === undefined || d.status.state === o.state);
      io.stdout.write(decisionsText({ ...view, decisions }));
    });
  consent
    .command('keygen')
    .description('create an Ed25519 key for your organisation in FILE (keep it where only your party can read it)')
    .requiredOption('--out <file>', 'where to write the private key (never overwritten)')
    .option('--name <name>', 'a label inside the key file', 'party')
    .action((o: { out: string; name: string }) => {
      const { skey } = generateSignerKey(o.name);
      fs.writeFileSync(o.out, `${skey}\n`, { mode: 0o600, flag: 'wx' });
      const key = readKey(o.out);
      io.stdout.write(
        `public key: ${encodeBase64(key.publicKey)}\nfingerprint: ${keyFingerprint(key.publicKey)}\n` +
          'pin it: truce verify ... --party-key <your organisation id>=<fingerprint>\n',
      );
    });
  consent
    .command('register-key')
    .description("register the key's public half for your organisation (TRUCE_TOKEN of one of its accounts)")
    .requiredOption('--key <file>', 'the private key made by `truce consent keygen`')
    .requiredOption('--url <url>', 'Truce server')
    .action(async (o: { key: string; url: string }) => {
      const client = partyClient(io, o.url);
      const key = readKey(o.key);
      const org = (await client.call('getSession', {})).user.organisationId;
      const publicKey = encodeBase64(key.publicKey);
      const written = await client.call('registerPartyKey', {
        body: { publicKey, proof: sign(key, keyStatement(org, publicKey)) },
      });
      io.stdout.write(
        `registered key ${written.fingerprint} for organisation ${org} (log entry ${written.logIndex})\n` +
          `pin it: truce verify ... --party-key ${org}=${written.fingerprint}\n`,
      );
    });
  consent
    .command('sign')
    .description("answer a decision for your organisation, signed here with your party's key (TRUCE_TOKEN)")
    .requiredOption('--key <file>', 'the private key made by `truce consent keygen`')
    .requiredOption('--url <url>', 'Truce server')
    .requiredOption('--decision <id>', 'the decision answered')
    .requiredOption('--answer <kind>', ANSWER_KINDS.join(' | '))
    .option('--conditions <text>', 'conditions of a consent with conditions', '')
    .option('--reasons <text>', 'reasons of an objection', '')
    .option(
      '--exclude-sector <id>',
      'a typed caveat: no unit under this decision in that sector (repeatable)',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .action(
      async (o: {
        key: string;
        url: string;
        decision: string;
        answer: string;
        conditions: string;
        reasons: string;
        excludeSector: string[];
      }) => {
        if (!(ANSWER_KINDS as readonly string[]).includes(o.answer))
          throw new Error(`--answer must be one of ${ANSWER_KINDS.join(', ')}`);
        const answer = o.answer as AnswerKind;
        const client = partyClient(io, o.url);
        const key = readKey(o.key);
        const org = (await client.call('getSession', {})).user.organisationId;
        // The version and the sequence are read now and signed: if the decision changes or another
        // answer of the organisation comes first, the server refuses.
        const decision = await client.call('getDecision', { params: { id: o.decision } });
        const caveats: Caveat[] = o.excludeSector.map((sectorId) => ({ kind: 'exclude_sector', sectorId }));
        const content = { conditions: o.conditions, caveats, reasons: o.reasons };
        const salt = randomBytes(16).toString('hex');
        const statement = answerStatement({
          decisionId: decision.id,
          decisionVersion: decision.version,
          organisationId: org,
          // The next place in this organisation's answers to the decision (answers are in order).
          sequence: decision.answers.filter((a) => a.organisationId === org).length + 1,
          answer,
          contentDigest: answerContentDigest(content, salt),
        });
        const signature = sign(key, statement);
        const written = await client.call('answerDecision', {
          params: { id: decision.id },
          body: {
            answer,
            ...content,
            signature: { salt, signature, keyFingerprint: keyFingerprint(key.publicKey) },
          },
        });
        io.stdout.write(
          `${JSON.stringify({ answerId: written.id, logIndex: written.logIndex, statement, signature, salt }, null, 2)}\n`,
        );
      },
    );
}
