/**
 * @module Contribution rows to API shapes. Figures (quantity, caveats, expected arrival, note)
 * leave only when the caller may read them (`detail`, decided by the release scope); otherwise
 * they are null and named in `restricted`, so a page can say "restricted" rather than "none".
 */
import type { Contribution } from '../contract/contributions.ts';
import type { ContributionRow } from '../repositories/contributions.ts';

export const CONTRIBUTION_DETAIL_FIELDS = ['quantity', 'caveats', 'expectedArrival', 'note'] as const;

export function presentContribution(c: ContributionRow, detail: boolean): Contribution {
  return {
    id: c.id,
    organisationId: c.organisation_id,
    organisationName: c.organisation_name,
    kind: c.kind,
    capability: c.capability,
    quantity: detail && c.quantity !== null ? Number(c.quantity) : null,
    unit: c.unit,
    currency: c.currency,
    status: c.status,
    caveats: detail ? c.caveats : null,
    expectedArrival: detail ? c.expected_arrival : null,
    note: detail ? c.note : null,
    version: c.version,
    releasability: c.releasability,
    detailReleasability: c.detail_releasability,
    restricted: detail ? [] : [...CONTRIBUTION_DETAIL_FIELDS],
  };
}
