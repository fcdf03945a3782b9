/** @module How `truce verify` reads consent rules, decisions and answers through the API, as the account sees them. */
import type { ApiRecords } from '../../../log/kinds/kind.ts';
import { CONSENT_KINDS } from './fields.ts';

/** What an account reads through the API, compared with the latest leaves (public fields). */
export const consentApiRecords: ApiRecords[] = [
  async (client) =>
    (await client.call('listConsentRules', {})).items.map((r) => ({
      kind: CONSENT_KINDS.rule,
      id: r.id,
      version: r.version,
      fields: {
        kind: r.kind,
        requiredOrgIds: r.requiredOrgIds,
        quorum: r.quorum,
        illustrative: r.illustrative,
        note: r.note,
      },
    })),
  async (client) =>
    (await client.call('listDecisions', { query: {} })).items.flatMap((d) => [
      {
        kind: CONSENT_KINDS.decision,
        id: d.id,
        version: d.version,
        fields: {
          kind: d.kind,
          requiredOrgIds: d.requiredOrgIds,
          quorum: d.quorum,
          dueAt: d.dueAt,
          proposerOrgId: d.proposerOrgId,
          proposedAt: d.proposedAt,
          cancelledAt: d.cancelledAt,
        },
      },
      ...d.answers.map((a) => ({
        kind: CONSENT_KINDS.answer,
        id: a.id,
        version: a.version,
        fields: {
          decisionId: a.decisionId,
          decisionVersion: a.decisionVersion,
          organisationId: a.organisationId,
          answer: a.answer,
          answeredAt: a.answeredAt,
        },
      })),
    ]),
];
