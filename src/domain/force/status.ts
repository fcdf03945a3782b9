/**
 * @module The life of a contribution as data: which status may follow which, per track.
 * Forces, police, training and equipment follow the UN PCRS (interest -> pledged -> level 1 ->
 * level 2 -> level 3 / rapid deployment -> deployed -> rotated or withdrawn); money follows
 * OCHA FTS (pledge -> commitment -> paid). One function checks a move against the table, so the
 * API, the CLI and the UI can never disagree on what is allowed.
 */
import type { ContributionKind, ContributionStatus } from '../../contract/enums.ts';

export type Track = 'pcrs' | 'fts';

/**
 * Statuses a contributor may declare about its own offer. Every other one (PCRS levels, rapid
 * deployment, deployed, rotated; money committed or paid) is a verified stage that the gap and
 * the handover check rely on, so only the mission may record it ('contribution.certify').
 */
export const SELF_DECLARED: readonly ContributionStatus[] = ['interest', 'pledged', 'withdrawn'];
export const needsCertification = (status: ContributionStatus): boolean => !SELF_DECLARED.includes(status);

export function trackOf(kind: ContributionKind): Track {
  return kind === 'money' ? 'fts' : 'pcrs';
}

/** Every allowed move, by track. A status absent as a key is terminal on that track. */
export const TRANSITIONS: Record<Track, Partial<Record<ContributionStatus, readonly ContributionStatus[]>>> = {
  pcrs: {
    interest: ['pledged', 'withdrawn'],
    pledged: ['pcrs1', 'withdrawn'],
    pcrs1: ['pcrs2', 'withdrawn'],
    // Level 2 follows the Assessment and Advisory Visit; the Rapid Deployment Level is reached
    // from level 2 or 3, and deployment only from level 3 or rapid.
    pcrs2: ['pcrs3', 'rapid', 'withdrawn'],
    pcrs3: ['rapid', 'deployed', 'withdrawn'],
    rapid: ['deployed', 'withdrawn'],
    deployed: ['rotated', 'withdrawn'],
  },
  fts: {
    interest: ['pledged', 'withdrawn'],
    pledged: ['committed', 'withdrawn'],
    committed: ['paid', 'withdrawn'],
  },
};

/** The statuses a contribution of this track can ever have (for creation and the UI). */
export function statusesOf(track: Track): ContributionStatus[] {
  const table = TRANSITIONS[track];
  const all = new Set<ContributionStatus>();
  for (const [from, tos] of Object.entries(table) as [ContributionStatus, readonly ContributionStatus[]][]) {
    all.add(from);
    for (const t of tos) all.add(t);
  }
  return [...all];
}

export function nextStatuses(kind: ContributionKind, from: ContributionStatus): readonly ContributionStatus[] {
  return TRANSITIONS[trackOf(kind)][from] ?? [];
}

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/** The one check of a status move. */
export function checkTransition(
  kind: ContributionKind,
  from: ContributionStatus,
  to: ContributionStatus,
): TransitionCheck {
  const track = trackOf(kind);
  if (!statusesOf(track).includes(to)) {
    return { ok: false, reason: `${to} is not a status of a ${kind} contribution` };
  }
  if (nextStatuses(kind, from).includes(to)) return { ok: true };
  const allowed = nextStatuses(kind, from);
  return {
    ok: false,
    reason:
      allowed.length === 0
        ? `a ${kind} contribution that is ${from} cannot change status any more`
        : `a ${kind} contribution that is ${from} can only become ${allowed.join(', ')}`,
  };
}

/**
 * Readiness classes of the gap analysis. Only `deployed` is strength; `confirmed` (PCRS level 2
 * and above, not yet deployed) and `pledged` (pledge, level 1) are promises, `interest` less.
 * Money and units that left (rotated, withdrawn) are in none of them.
 */
export type Readiness = 'deployed' | 'confirmed' | 'pledged' | 'interest';
export const READINESS: readonly Readiness[] = ['deployed', 'confirmed', 'pledged', 'interest'];

export function readinessOf(status: ContributionStatus): Readiness | null {
  switch (status) {
    case 'deployed':
      return 'deployed';
    case 'pcrs2':
    case 'pcrs3':
    case 'rapid':
      return 'confirmed';
    case 'pledged':
    case 'pcrs1':
      return 'pledged';
    case 'interest':
      return 'interest';
    case 'rotated':
    case 'withdrawn':
    case 'committed':
    case 'paid':
      return null;
  }
}

/** Below PCRS level 2: a plan resting on this is resting on a promise not yet assessed. */
export function isBelowLevel2(status: ContributionStatus): boolean {
  return status === 'interest' || status === 'pledged' || status === 'pcrs1';
}
