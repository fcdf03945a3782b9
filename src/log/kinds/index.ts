/**
 * @module Every record kind, from every capability: one line per capability. `RecordKind` is the
 * union of their names, so writing a change of a kind nobody defined does not compile. (The
 * capability manifests name the same lists; src/capabilities/index.ts checks at compile time that
 * the two agree. This list lives here, in the log layer, because the services' types need it
 * and must not import the manifests above them.)
 */
import { foundationKinds } from './foundation.ts';
import { geoKinds } from './geo.ts';
import { monitoringKinds } from './monitoring.ts';
import { forceKinds } from './force.ts';
import { complianceKinds } from './compliance.ts';
import { consentKinds } from '../../capabilities/consent/log/kinds.ts';
import type { AnyRecordKind } from './kind.ts';

export const RECORD_KIND_LISTS = [
  foundationKinds,
  geoKinds,
  monitoringKinds,
  forceKinds,
  complianceKinds,
  consentKinds,
] as const;

/** The name of every record kind the log may hold. */
export type RecordKind = (typeof RECORD_KIND_LISTS)[number][number]['kind'];

export const RECORD_KINDS: readonly AnyRecordKind[] = RECORD_KIND_LISTS.flat();

/** The kinds `truce audit` compares with the database, in the order it reads them. */
export const AUDITED_KINDS = RECORD_KINDS.flatMap((k) => (k.load ? [{ kind: k.kind, load: k.load }] : []));

export type { AnyRecordKind, ApiRecords, RecordKindDefinition } from './kind.ts';
