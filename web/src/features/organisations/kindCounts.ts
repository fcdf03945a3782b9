import { ORG_KINDS, type OrgKind } from '../../../../src/contract/enums.ts';
import type { Organisation } from './queries.ts';

/** How many organisations of each kind, every kind listed even at zero so the table is stable. */
export function countByKind(orgs: readonly Organisation[]): { kind: OrgKind; count: number }[] {
  return ORG_KINDS.map((kind) => ({ kind, count: orgs.filter((o) => o.kind === kind).length }));
}
