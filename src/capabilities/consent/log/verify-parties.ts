/**
 * @module `truce verify --party-key ORG=FINGERPRINT`: the pinned parties' keys and signed answers
 * in the log (no account needed), and, with a token, the answers the API shows them.
 */
import { createClient } from '../../../contract/client.ts';
import { decodeLeaf, type Leaf } from '../../../log/leaf.ts';
import { checkPartySignatures, checkShownAnswers, parsePins } from './signatures.ts';
import { CONSENT_KINDS } from './fields.ts';

export async function partySignatureLines(
  entries: readonly Uint8Array[],
  pinOptions: readonly string[],
  url: string | undefined,
  token: string | undefined,
): Promise<{ problems: string[]; lines: string[] }> {
  const pins = parsePins(pinOptions);
  const leaves: { leaf: Leaf; index: number }[] = [];
  entries.forEach((e, index) => {
    try {
      leaves.push({ leaf: decodeLeaf(e), index });
    } catch {
      // Not a record-change leaf: nothing of a party's.
    }
  });
  const problems = checkPartySignatures(leaves, pins);
  const signed = leaves.filter(
    (l) =>
      l.leaf.kind === CONSENT_KINDS.answer &&
      typeof l.leaf.public.organisationId === 'string' &&
      pins.has(l.leaf.public.organisationId) &&
      l.leaf.public.signature,
  ).length;
  const lines = [`${signed} signed answers of ${pins.size} pinned parties verify with their pinned keys`];
  if (url && token) {
    const client = createClient({ baseUrl: url, token });
    const answers = (await client.call('listDecisions', { query: {} })).items.flatMap((d) => d.answers);
    problems.push(...checkShownAnswers(answers, pins));
    lines.push('the signed answers the API shows you carry the content their parties signed');
  }
  return { problems, lines };
}
