/** @module Record kinds of decisions and consent, as `truce audit` reads them and `truce verify` reads them through the API. */
import { allRows } from '../../../repositories/audit.ts';
import type { ApiRecords, AuditedKind } from '../../../log/kinds/kind.ts';
import { CONSENT_KINDS, consentLogFields } from './fields.ts';

export const consentKinds: AuditedKind[] = [
  {
    kind: CONSENT_KINDS.rule,
    load: async (db) =>
      (await allRows(db, 'consent_rules')).map((r) => ({
        kind: CONSENT_KINDS.rule,
        id: r.id,
        version: r.version,
        fields: consentLogFields('rule', r).public,
      })),
  },
  {
    kind: CONSENT_KINDS.decision,
    load: async (db) =>
      (await allRows(db, 'decisions')).map((d) => {
        const f = consentLogFields('decision', d);
        return {
          kind: CONSENT_KINDS.decision,
          id: d.id,
          version: d.version,
          fields: f.public,
          restricted: f.restricted,
        };
      }),
  },
  {
    kind: CONSENT_KINDS.answer,
    load: async (db) =>
      (await allRows(db, 'decision_answers')).map((a) => {
        const f = consentLogFields('answer', a);
        return { kind: CONSENT_KINDS.answer, id: a.id, version: a.version, fields: f.public, restricted: f.restricted };
      }),
  },
  {
    kind: CONSENT_KINDS.partyKey,
    load: async (db) =>
      (await allRows(db, 'party_keys')).map((k) => ({
        kind: CONSENT_KINDS.partyKey,
        id: k.id,
        version: k.version,
        fields: consentLogFields('partyKey', k).public,
      })),
  },
  {
    kind: CONSENT_KINDS.meeting,
    load: async (db) =>
      (await allRows(db, 'meetings')).map((m) => {
        const f = consentLogFields('meeting', m);
        return {
          kind: CONSENT_KINDS.meeting,
          id: m.id,
          version: m.version,
          fields: f.public,
          restricted: f.restricted,
        };
      }),
  },
  {
    kind: CONSENT_KINDS.meetingAction,
    load: async (db) =>
      (await allRows(db, 'meeting_actions')).map((a) => {
        const f = consentLogFields('meetingAction', a);
        return {
          kind: CONSENT_KINDS.meetingAction,
          id: a.id,
          version: a.version,
          fields: f.public,
          restricted: f.restricted,
        };
      }),
  },
  {
    kind: CONSENT_KINDS.note,
    load: async (db) =>
      (await allRows(db, 'decision_notes')).map((n) => {
        const f = consentLogFields('note', n);
        return { kind: CONSENT_KINDS.note, id: n.id, version: n.version, fields: f.public, restricted: f.restricted };
      }),
  },
];

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
