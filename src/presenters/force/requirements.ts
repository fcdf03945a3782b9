/** @module Requirement rows to API shapes. */
import type { Requirement } from '../../contract/force.ts';
import type { RequirementRow } from '../../repositories/force/requirements.ts';

export function presentRequirement(r: RequirementRow): Requirement {
  return {
    id: r.id,
    task: r.task,
    capability: r.capability,
    sectorId: r.sector_id,
    phase: r.phase,
    quantity: r.quantity,
    neededBy: r.needed_by,
    note: r.note,
    version: r.version,
    releasability: r.releasability,
  };
}
