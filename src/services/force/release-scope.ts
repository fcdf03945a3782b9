/**
 * @module What of the force's plan one reader may see: the rule is `mayRead` in the policy; this
 * loads who each record concerns (the contributing organisation, the parties withdrawing from the
 * sectors it touches, the organisations a decision on it asks to consent) so the rule can be
 * applied row by row. The mission's own readers see
 * everything and load nothing.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ReleaseLevel } from '../../contract/enums.ts';
import type { Actor } from '../../domain/policy.ts';
import { audienceOf, mayRead, type Concerned } from '../../domain/policy/force.ts';
import { listContributionOwners } from '../../repositories/contributions.ts';
import { listDeploymentSectors } from '../../repositories/handover/deployments.ts';
import { listSectorParties } from '../../repositories/handover/milestones.ts';
import { askedOfSubjects } from '../../capabilities/consent/repositories/consent.ts';

interface Contributionish {
  id: string;
  organisation_id?: string;
  releasability: ReleaseLevel;
  detail_releasability: ReleaseLevel;
}
interface Deploymentish {
  id: string;
  contribution_id: string;
  sector_id: string;
  releasability: ReleaseLevel;
  detail_releasability: ReleaseLevel;
}
interface Milestoneish {
  id: string;
  party_id: string | null;
  releasability: ReleaseLevel;
}
interface Requirementish {
  sector_id: string | null;
  releasability: ReleaseLevel;
}

export interface ReleaseScope {
  /** True when this reader sees every record in full (no need to filter). */
  seesAll: boolean;
  contribution(c: Contributionish): boolean;
  contributionDetail(c: Contributionish): boolean;
  deployment(d: Deploymentish): boolean;
  deploymentDetail(d: Deploymentish): boolean;
  milestone(m: Milestoneish): boolean;
  requirement(r: Requirementish): boolean;
}

const ALL: ReleaseScope = {
  seesAll: true,
  contribution: () => true,
  contributionDetail: () => true,
  deployment: () => true,
  deploymentDetail: () => true,
  milestone: () => true,
  requirement: () => true,
};

export async function releaseScope(db: Kysely<DB>, actor: Actor | null): Promise<ReleaseScope> {
  if (audienceOf(actor) === 'mission') return ALL;
  const [milestones, deployments, contributions, askedOf] = await Promise.all([
    listSectorParties(db),
    listDeploymentSectors(db),
    listContributionOwners(db),
    askedOfSubjects(db),
  ]);
  const partiesBySector = new Map<string, Set<string>>();
  for (const m of milestones) {
    const set = partiesBySector.get(m.sector_id) ?? new Set<string>();
    set.add(m.party_id);
    partiesBySector.set(m.sector_id, set);
  }
  const ownerOf = new Map(contributions.map((c) => [c.id, c.organisation_id]));
  // Liaisons read contributors' records only when their own organisation contributes.
  const reader =
    actor === null
      ? null
      : { ...actor, contributes: contributions.some((c) => c.organisation_id === actor.organisationId) };
  // A contribution concerns the parties withdrawing from the sectors it is deployed to.
  const partiesByContribution = new Map<string, Set<string>>();
  for (const d of deployments) {
    const set = partiesByContribution.get(d.contribution_id) ?? new Set<string>();
    for (const p of partiesBySector.get(d.sector_id) ?? []) set.add(p);
    partiesByContribution.set(d.contribution_id, set);
  }
  const NONE = new Set<string>();
  const ofContribution = (c: Contributionish): Concerned => ({
    owner: c.organisation_id ?? ownerOf.get(c.id) ?? null,
    parties: partiesByContribution.get(c.id) ?? NONE,
  });
  const ofDeployment = (d: Deploymentish): Concerned => ({
    owner: ownerOf.get(d.contribution_id) ?? null,
    parties: partiesBySector.get(d.sector_id) ?? NONE,
  });
  // A decision releases its subject (not its figures) to the organisations it asks (issue 12).
  const asked = (id: string) => askedOf.get(id) ?? NONE;
  return {
    seesAll: false,
    contribution: (c) => mayRead(reader, c.releasability, { ...ofContribution(c), asked: asked(c.id) }),
    contributionDetail: (c) => mayRead(reader, c.detail_releasability, ofContribution(c)),
    deployment: (d) => mayRead(reader, d.releasability, { ...ofDeployment(d), asked: asked(d.id) }),
    deploymentDetail: (d) => mayRead(reader, d.detail_releasability, ofDeployment(d)),
    milestone: (m) =>
      mayRead(reader, m.releasability, {
        parties: m.party_id === null ? NONE : new Set([m.party_id]),
        asked: asked(m.id),
      }),
    requirement: (r) =>
      mayRead(reader, r.releasability, {
        parties: r.sector_id === null ? NONE : (partiesBySector.get(r.sector_id) ?? NONE),
      }),
  };
}

/** A row with whether its figures may be shown (the presenter withholds them otherwise). */
export interface Released<T> {
  row: T;
  detail: boolean;
}
