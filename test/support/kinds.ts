/** @module Record kinds for tests of the log itself. */
import type { RecordKind } from '../../src/services/records.ts';

/**
 * A kind no capability defines, for tests that exercise the log with changes of their own (no
 * audit or API reader knows them). Only tests may step outside the `RecordKind` union.
 */
export function testKind(name: string): RecordKind {
  return name as RecordKind;
}
