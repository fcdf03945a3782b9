/**
 * The built server with the demo in a real Chromium: the humanitarian intermediary (ICRC liaison)
 * records a release with names; a party observer sees the count and the derived status change,
 * and never the names. The demo's phase one is on the page with its roll-up.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openDemoSite, type DemoSite } from '../support/e2e.ts';
import { signInAs } from '../support/server.ts';
import { DEMO_USERS } from '../../src/demo/scenario.ts';

let site: DemoSite;

before(async () => {
  site = await openDemoSite('compliance');
});
after(async () => {
  await site?.close();
});

async function openCompliance(email: string): Promise<Page> {
  const page = await site.signIn(email);
  await page.goto(`${site.server.url}/compliance`);
  await page.getByTestId('compliance-page').waitFor();
  await page.getByTestId('phase-1').waitFor();
  return page;
}

test('the demo phase one tells its story on first start', async () => {
  const page = await openCompliance('observer.ps@truce.example');
  const card = (title: RegExp) => page.getByTestId('provision').filter({ hasText: title });
  assert.equal(
    await card(/Release of all living hostages/)
      .getByTestId('provision-status')
      .getAttribute('data-status'),
    'fulfilled',
  );
  // Hamas's dispute is a flag beside the status, which stays late.
  assert.equal(
    await card(/remains of deceased hostages/)
      .getByTestId('provision-status')
      .getAttribute('data-status'),
    'late',
  );
  assert.match(
    await card(/remains of deceased hostages/)
      .getByTestId('provision-disputed')
      .innerText(),
    /Disputed by Hamas/,
  );
  assert.equal(
    await card(/Release of all living hostages/)
      .getByTestId('provision-disputed')
      .count(),
    0,
  );
  assert.equal(
    await card(/humanitarian aid/)
      .getByTestId('provision-status')
      .getAttribute('data-status'),
    'late',
  );
  assert.match(await page.getByTestId('implementation-overall').innerText(), /56\.7\s?%/);
  assert.equal(
    await card(/Cessation of all military operations/)
      .getByTestId('provision-status')
      .getAttribute('data-status'),
    'breached',
    "the monitors' ruled violation shows",
  );
  assert.match(await page.getByTestId('rollup-party').innerText(), /Hamas[\s\S]*Israel/);
  // Arabic: translated, right to left, statuses still derived the same.
  await page.getByTestId('language-select').selectOption('ar');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'الامتثال للاتفاق');
  assert.equal(
    await card(/humanitarian aid/)
      .getByTestId('provision-status')
      .innerText(),
    'متأخر',
  );
  await page.getByTestId('language-select').selectOption('en');
  await page.context().close();
});

test('the intermediary records a release; the party observer sees the count and status change, not the names; so does every role', async () => {
  const coordinator = await signInAs(site.server.url, 'coordinator@truce.example');
  const orgs = (await coordinator.client.call('listOrganisations', {})).items;
  const icrc = orgs.find((o) => o.name === 'International Committee of the Red Cross')!;
  const hamas = orgs.find((o) => o.name === 'Hamas')!;
  const title = 'Release of three detained aid workers (browser test)';
  await coordinator.client.call('createProvision', {
    body: {
      phase: 1,
      title,
      type: 'prisoner_release',
      partyIds: [hamas.id],
      intermediaryOrgId: icrc.id,
      deadline: { kind: 'absolute', at: new Date(Date.now() + 2 * 86_400_000).toISOString() },
      measure: { kind: 'count', target: 3, unit: 'persons' },
    },
  });

  const observer = await openCompliance('observer.il@truce.example');
  const observerCard = observer.getByTestId('provision').filter({ hasText: title });
  assert.equal(await observerCard.getByTestId('provision-status').getAttribute('data-status'), 'not_started');
  assert.match(await observerCard.getByTestId('provision-progress').innerText(), /0 of 3/);
  await observerCard.getByTestId('countdown').waitFor();
  assert.equal(await observerCard.getByTestId('delivery-form').count(), 0, 'an observer records nothing');

  const icrcPage = await openCompliance('liaison.icrc@truce.example');
  const icrcCard = icrcPage.getByTestId('provision').filter({ hasText: title });
  await icrcCard.getByText('Record a delivery').click();
  await icrcCard.getByLabel('Count').fill('3');
  await icrcCard.getByLabel('Verified by').fill('ICRC');
  await icrcCard.getByLabel('Where').fill('Kerem Shalom');
  await icrcCard.getByLabel(/Names of the persons/).fill('Testperson Alpha\nTestperson Beta\nTestperson Gamma');
  await icrcCard.getByRole('button', { name: 'Record' }).click();
  await icrcPage.waitForFunction(
    (t) =>
      [...document.querySelectorAll('[data-testid="provision"]')].some(
        (c) => c.textContent?.includes(t) && c.querySelector('[data-status="fulfilled"]'),
      ),
    title,
  );
  await icrcCard.getByText('History and evidence').click();
  assert.match(
    await icrcCard.getByTestId('deliveries-table').innerText(),
    /Testperson Alpha/,
    'the intermediary sees the names',
  );

  // No refresh: the observer's page follows the live change events.
  await observer.waitForFunction(
    (t) =>
      [...document.querySelectorAll('[data-testid="provision"]')].some(
        (c) => c.textContent?.includes(t) && c.querySelector('[data-status="fulfilled"]'),
      ),
    title,
  );
  assert.match(await observerCard.getByTestId('provision-progress').innerText(), /3 of 3/);
  await observerCard.getByText('History and evidence').click();
  const persons = await observerCard.getByTestId('delivery-persons').innerText();
  assert.match(persons, /3 named \(restricted\)/);
  assert.doesNotMatch(await observer.content(), /Testperson/, "no name anywhere in the observer's page");
  await observer.context().close();
  await icrcPage.context().close();

  // Every other demo role, in the browser: names only for the intermediary and the coordinators.
  const allowed = new Set(['admin@truce.example', 'coordinator@truce.example', 'liaison.icrc@truce.example']);
  for (const user of DEMO_USERS.filter(
    (u) => u.email !== 'observer.il@truce.example' && u.email !== 'liaison.icrc@truce.example',
  )) {
    const page = await openCompliance(user.email);
    const card = page.getByTestId('provision').filter({ hasText: title });
    assert.equal(await card.getByTestId('provision-status').getAttribute('data-status'), 'fulfilled', user.email);
    await card.getByText('History and evidence').click();
    const cell = await card.getByTestId('delivery-persons').innerText();
    if (allowed.has(user.email)) assert.match(cell, /Testperson Alpha/, `${user.email} sees the names`);
    else {
      assert.match(cell, /3 named \(restricted\)/, `${user.email} sees only how many were named`);
      assert.doesNotMatch(await page.content(), /Testperson/, `${user.email}: no name in the page`);
    }
    await page.context().close();
  }
});

test("a coordinator resolves a party's dispute (the flag goes, the status stays) and scores a provision; the roll-up follows", async () => {
  const page = await openCompliance('coordinator@truce.example');
  const card = page.getByTestId('provision').filter({ hasText: /remains of deceased hostages/ });
  assert.equal(await card.getByTestId('provision-status').getAttribute('data-status'), 'late');
  await card.getByTestId('provision-disputed').waitFor();
  await card.getByText('History and evidence').click();
  const resolve = card.getByTestId('resolve-form');
  await resolve.getByLabel('Outcome').selectOption('rejected');
  await resolve.getByLabel('Resolution').fill('Recovery equipment was admitted on 1 November; the deadline stands.');
  await resolve.getByRole('button', { name: 'Resolve the dispute' }).click();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid="provision"]')].some(
      (c) =>
        c.textContent?.includes('remains of deceased hostages') &&
        !c.querySelector('[data-testid="provision-disputed"]'),
    ),
  );
  assert.equal(
    await card.getByTestId('provision-status').getAttribute('data-status'),
    'late',
    'resolving the dispute changes no status',
  );
  const overallBefore = await page.getByTestId('implementation-overall').innerText();
  await card.getByText('Assign the PAM score').click();
  const assess = card.getByTestId('assessment-form');
  await assess.getByLabel('Score').selectOption('3');
  await assess.getByLabel('Evidence').fill('ICRC handovers.');
  await assess.getByLabel('Rationale').fill('Test score.');
  await assess.getByRole('button', { name: 'Save the score' }).click();
  await card.getByTestId('provision-score').filter({ hasText: '3/3' }).waitFor();
  // The card and the roll-up come from two answers: wait for the roll-up's (fails by timing out if it never changes).
  await page.waitForFunction(
    (before) => document.querySelector<HTMLElement>('[data-testid="implementation-overall"]')?.innerText !== before,
    overallBefore,
  );
  assert.notEqual(await page.getByTestId('implementation-overall').innerText(), overallBefore);

  // The agreement as data: a new provision 72 hours after the ceasefire is already late today.
  await page.getByText('Add a provision').click();
  const form = page.getByTestId('provision-form');
  await form.getByLabel('Title').fill('Handover of a map of tunnels (browser test)');
  await form.getByLabel('Obligated party').selectOption({ label: 'Hamas' });
  await form.getByLabel('Target').fill('5');
  await form.getByRole('button', { name: 'Add the provision' }).click();
  const added = page.getByTestId('provision').filter({ hasText: 'Handover of a map of tunnels' });
  await added.waitFor();
  assert.equal(await added.getByTestId('provision-status').getAttribute('data-status'), 'late');
  assert.match(await added.getByTestId('provision-progress').innerText(), /0 of 5 persons/);
  assert.match(await added.innerText(), /Oct 13, 2025/);
  await page.context().close();
});
