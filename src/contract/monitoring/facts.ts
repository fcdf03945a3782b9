/**
 * @module The facts of a report as typed fields (issue 13), each optional. Who may see each one
 * is decided by the presenter (presenters/monitoring/facts.ts) and, in the public log, by the
 * report's record kind: the alleged perpetrator before a ruling, the source of a casualty figure,
 * and the direction and distance from the observer (which, with the report's point, give the
 * observer's or the event's exact position) are the monitoring team's alone.
 */
import { z } from 'zod';
import { Instant, Text, Uuid } from '../common.ts';

export const PERPETRATOR_KINDS = ['party', 'both', 'unattributed', 'third_party'] as const;
export const OBSERVATION_METHODS = ['seen', 'heard', 'seen_and_heard', 'reported', 'imagery'] as const;
export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;

const Count = z.number().int().nonnegative().max(1_000_000);

/** Whom the report alleges acted: one party (named by its organisation), both, nobody in particular, or a third party. */
export const Perpetrator = z
  .strictObject({
    kind: z.enum(PERPETRATOR_KINDS),
    /** The party's organisation, when kind is `party`. */
    partyId: Uuid.optional(),
    /** Who, when kind is `third_party` (an armed group, a militia). */
    name: Text(200).trim().min(1).optional(),
  })
  .refine((p) => (p.kind === 'party') === (p.partyId !== undefined), {
    message: 'partyId is given exactly when kind is party',
    path: ['partyId'],
  });

export const Casualties = z.strictObject({
  killedCivilian: Count.optional(),
  killedCombatant: Count.optional(),
  injuredCivilian: Count.optional(),
  injuredCombatant: Count.optional(),
  /** Where the figures come from (a hospital, a party's statement): the monitoring team's only. */
  source: Text(500).trim().min(1).optional(),
});

export const ReportFacts = z
  .strictObject({
    perpetrator: Perpetrator.optional(),
    casualties: Casualties.optional(),
    /** Weapon or means (e.g. "mortar", "small arms", "drone") and its calibre (e.g. "120 mm"). */
    weapon: Text(200).trim().min(1).optional(),
    calibre: Text(50).trim().min(1).optional(),
    explosions: Count.optional(),
    shots: Count.optional(),
    /** Compass bearing from the observer to the event, degrees clockwise from north. */
    bearingDegrees: z.number().int().min(0).max(359).optional(),
    /** Distance from the observer to the event. */
    distanceMetres: z.number().int().min(0).max(100_000).optional(),
    startedAt: Instant.optional(),
    endedAt: Instant.optional(),
    method: z.enum(OBSERVATION_METHODS).optional(),
    confidence: z.enum(CONFIDENCE_LEVELS).optional(),
    /** A place of the mission's gazetteer (GET /api/places?q=...). */
    placeId: Uuid.optional(),
  })
  .refine((f) => !f.startedAt || !f.endedAt || Date.parse(f.startedAt) <= Date.parse(f.endedAt), {
    message: 'must not be before startedAt',
    path: ['endedAt'],
  });
export type ReportFacts = z.infer<typeof ReportFacts>;

/** A place as a report shows it: its names (the reader picks its language), never its point. */
export const PlaceRef = z.object({
  id: Uuid,
  names: z.record(z.string(), z.string()),
  illustrative: z.boolean(),
});

/**
 * The facts as shown: withheld values are null (not absent), so a reader can tell "withheld"
 * from "not reported" only by its own standing, never by the shape.
 */
export const ShownFacts = z.object({
  perpetrator: z
    .object({ kind: z.enum(PERPETRATOR_KINDS), partyId: Uuid.optional(), name: z.string().optional() })
    .nullable(),
  casualties: z
    .object({
      killedCivilian: z.number().int().optional(),
      killedCombatant: z.number().int().optional(),
      injuredCivilian: z.number().int().optional(),
      injuredCombatant: z.number().int().optional(),
      source: z.string().nullable(),
    })
    .nullable(),
  weapon: z.string().nullable(),
  calibre: z.string().nullable(),
  explosions: z.number().int().nullable(),
  shots: z.number().int().nullable(),
  bearingDegrees: z.number().int().nullable(),
  distanceMetres: z.number().int().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  method: z.enum(OBSERVATION_METHODS).nullable(),
  confidence: z.enum(CONFIDENCE_LEVELS).nullable(),
  place: PlaceRef.nullable(),
});
export type ShownFacts = z.infer<typeof ShownFacts>;
