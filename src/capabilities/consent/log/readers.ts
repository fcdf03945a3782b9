/** @module How `truce verify` reads consent rules, decisions and answers, party keys and meetings through the API, as the account sees them. */
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
          contentDigest: a.signature?.contentDigest ?? null,
          signature: a.signature?.signature ?? null,
          keyFingerprint: a.signature?.keyFingerprint ?? null,
        },
      })),
    ]),
  async (client) =>
    (await client.call('listPartyKeys', {})).items.map((k) => ({
      kind: CONSENT_KINDS.partyKey,
      id: k.id,
      version: k.version,
      fields: {
        organisationId: k.organisationId,
        publicKey: k.publicKey,
        fingerprint: k.fingerprint,
        registeredAt: k.registeredAt,
        retiredAt: k.retiredAt,
      },
    })),
  async (client) =>
    (await client.call('listMeetings', {})).items.flatMap((m) => [
      {
        kind: CONSENT_KINDS.meeting,
        id: m.id,
        version: m.version,
        fields: {
          heldOn: m.heldOn,
          conveningOrgId: m.conveningOrgId,
          attendingOrgIds: m.attendingOrgIds,
          decisionIds: m.decisionIds,
          illustrative: m.illustrative,
        },
      },
      ...m.actions.map((a) => ({
        kind: CONSENT_KINDS.meetingAction,
        id: a.id,
        version: a.version,
        fields: {
          meetingId: a.meetingId,
          ownerOrgId: a.ownerOrgId,
          dueOn: a.dueOn,
          doneAt: a.doneAt,
          illustrative: a.illustrative,
        },
      })),
    ]),
];
