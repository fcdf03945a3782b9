/** Who reads a force or handover record at each releasability level, written out by hand. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  detailWithinRecord,
  earliestDeclarationDay,
  mayRead,
  strictest,
  DECLARATION_BACKDATE_DAYS,
} from '../../src/domain/policy/force.ts';
import type { ReleaseLevel, Role } from '../../src/contract/enums.ts';

const ISRAEL = '00000000-0000-4000-8000-0000000000aa';
const HAMAS = '00000000-0000-4000-8000-0000000000bb';
const EGYPT = '00000000-0000-4000-8000-0000000000cc';
const UN = '00000000-0000-4000-8000-0000000000dd';
/** A reader of an impartial body's chain (what matters to monitors only). */
const reader = (role: Role, organisationId = EGYPT) => ({
  role,
  organisationId,
  contributes: true,
  organisationChain: [{ id: UN, kind: 'international_organisation' as const }],
});

test('mission-only records: coordinators, admins and monitors; no liaison, no party', () => {
  for (const role of ['admin', 'coordinator', 'monitor'] as const) assert.ok(mayRead(reader(role), 'mission'));
  assert.ok(!mayRead(reader('liaison'), 'mission'));
  assert.ok(
    !mayRead(reader('observer', ISRAEL), 'mission', { parties: new Set([ISRAEL]) }),
    'the party concerned reads party records only',
  );
});

test("a party's or a state's monitor (or one of a mission under either) reads what the party's observer reads", () => {
  const partyMonitor = {
    role: 'monitor' as const,
    organisationId: ISRAEL,
    organisationChain: [{ id: ISRAEL, kind: 'party' as const }],
  };
  const underState = {
    role: 'monitor' as const,
    organisationId: UN,
    organisationChain: [
      { id: UN, kind: 'mission' as const },
      { id: EGYPT, kind: 'state' as const },
    ],
  };
  for (const m of [partyMonitor, underState]) {
    assert.ok(!mayRead(m, 'mission'));
    assert.ok(!mayRead(m, 'contributors'));
    assert.ok(mayRead(m, 'public'));
  }
  assert.ok(mayRead(partyMonitor, 'party', { parties: new Set([ISRAEL]) }), 'the party concerned, like its observer');
  assert.ok(
    !mayRead({ role: 'monitor', organisationId: UN }, 'mission'),
    'a monitor whose chain is unknown: not trusted',
  );
});

test('contributors: liaisons too; party: the party concerned too, not the other side', () => {
  assert.ok(mayRead(reader('liaison'), 'contributors'));
  assert.ok(!mayRead(reader('observer', ISRAEL), 'contributors', { parties: new Set([ISRAEL]) }));
  const concerned = { parties: new Set([ISRAEL]) };
  assert.ok(mayRead(reader('observer', ISRAEL), 'party', concerned));
  assert.ok(!mayRead(reader('observer', HAMAS), 'party', concerned));
  assert.ok(mayRead(reader('liaison'), 'party', concerned));
  for (const role of ['admin', 'coordinator', 'monitor', 'liaison', 'observer'] as const)
    assert.ok(mayRead(reader(role, HAMAS), 'public'));
});

test('a liaison of an organisation that contributes nothing (a humanitarian one) reads what the public reads', () => {
  const icrc = { role: 'liaison' as const, organisationId: HAMAS, contributes: false };
  assert.ok(!mayRead(icrc, 'contributors'));
  assert.ok(!mayRead(icrc, 'party', { parties: new Set([ISRAEL]) }));
  assert.ok(mayRead(icrc, 'public'));
  assert.ok(
    !mayRead({ role: 'liaison', organisationId: HAMAS }, 'contributors'),
    'not known to contribute counts as not',
  );
});

test('the owner reads its own record at any level; the console reads everything', () => {
  assert.ok(mayRead(reader('liaison', EGYPT), 'mission', { owner: EGYPT }));
  assert.ok(!mayRead(reader('liaison', ISRAEL), 'mission', { owner: EGYPT }));
  assert.ok(mayRead(null, 'mission'));
});

test('levels: strictest of several, figures never looser than the record', () => {
  assert.equal(strictest(['public', 'party', 'contributors'] as ReleaseLevel[]), 'contributors');
  assert.equal(strictest([]), 'public');
  assert.ok(detailWithinRecord('party', 'mission'));
  assert.ok(!detailWithinRecord('mission', 'public'));
});

test('only the mission records history; a liaison dates its declarations at most a fortnight back, never before the mission', () => {
  assert.equal(earliestDeclarationDay(reader('coordinator'), 20_000, 19_000), null);
  assert.equal(earliestDeclarationDay(null, 20_000, 19_000), null);
  assert.equal(earliestDeclarationDay(reader('liaison'), 20_000, 19_000), 20_000 - DECLARATION_BACKDATE_DAYS);
  assert.equal(earliestDeclarationDay(reader('liaison'), 20_000, 19_995), 19_995);
});
