/** @module Contribution rows to API shapes. */
import type { Contribution } from '../contract/contributions.ts';
import type { ContributionRow } from '../repositories/contributions.ts';

export function presentContribution(c: ContributionRow): Contribution {
  return {
    id: c.id,
    organisationId: c.organisation_id,
    organisationName: c.organisation_name,
    kind: c.kind,
    capability: c.capability,
    quantity: c.quantity === null ? null : Number(c.quantity),
    unit: c.unit,
    currency: c.currency,
    status: c.status,
    caveats: c.caveats,
    expectedArrival: c.expected_arrival,
    note: c.note,
    version: c.version,
  };
}
