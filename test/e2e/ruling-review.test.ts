/**
 * The built server with the demo in a real Chromium: the demo's proposed ruling (Rafah, approved
 * by EUBAM Rafah only) says who approved and what is still needed; a coordinator has no approve
 * button; a party observer sees the organisation, never the monitor; a UN monitor's approval in
 * the browser makes it ruled.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openDemoSite, type DemoSite } from '../support/e2e.ts';
import { signInAs } from '../support/server.ts';

let site: DemoSite;
let incidentId: string;

before(async () => {
  site = await openDemoSite('rulings');
  const coordinator = await signInAs(site.server.url, 'coordinator@truce.example');
  const res = await fetch(`${site.server.url}/api/incidents?status=ruling_proposed`, {
    headers: { cookie: coordinator.cookie },
  });
  const { items } = (await res.json()) as { items: { id: string }[] };
  assert.equal(items.length, 1, 'the demo has one proposed ruling');
  incidentId = items[0]!.id;
});
after(async () => {
  await site?.close();
});

async function openIncident(email: string): Promise<Page> {
  const page = await site.signIn(email);
  await page.goto(`${site.server.url}/monitoring?incident=${incidentId}`);
  await page.getByTestId('ruling-progress').waitFor();
  return page;
}

test('who approved and what is still needed; only monitors get the approve button; parties never see the monitor', async () => {
  const coordinator = await openIncident('coordinator@truce.example');
  const approved = await coordinator.getByTestId('ruling-approved-by').innerText();
  assert.match(approved, /Approved by European Union/);
  assert.match(approved, /Demo Monitor \(EUBAM\)/);
  assert.match(
    await coordinator.getByTestId('ruling-needed').innerText(),
    /Still needed: 1 more organisation\(s\) other than European Union/,
  );
  assert.equal(await coordinator.getByTestId('approve').count(), 0, 'a coordinator does not approve');
  await coordinator.context().close();

  const party = await openIncident('observer.il@truce.example');
  assert.match(await party.getByTestId('ruling-approved-by').innerText(), /Approved by European Union/);
  assert.doesNotMatch(await party.locator('body').innerText(), /Demo Monitor/);
  // French: the same facts, translated.
  await party.getByTestId('language-select').selectOption('fr');
  await party
    .getByTestId('ruling-needed')
    .filter({ hasText: /autre\(s\) que European Union/ })
    .waitFor();
  await party.context().close();

  const un = await openIncident('monitor.un@truce.example');
  await un.getByTestId('incident-rationale').fill('Agreed on the evidence');
  await un.getByTestId('approve').click();
  await un.waitForFunction(
    () => document.querySelector('[data-testid="incident-detail"]')?.getAttribute('data-status') === 'ruled',
  );
  assert.match(await un.getByTestId('incident-timeline').innerText(), /European Union, United Nations; quorum 2/);
  await un.context().close();
});

test('the party the ruling names responsible sees what it found and appeals it', async () => {
  // The previous test made the demo's proposed ruling (a violation by Israel) ruled, just now.
  const page = await site.signIn('observer.il@truce.example');
  await page.goto(`${site.server.url}/monitoring?incident=${incidentId}`);
  await page.getByTestId('party-answer').waitFor();
  assert.match(await page.getByTestId('ruling-party').innerText(), /Israel/);
  await page.getByTestId('appeal-grounds').fill('Our unit answered an attack on it');
  await page.getByTestId('appeal-evidence').fill('Logs of the attack on the unit');
  await page.getByTestId('appeal').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="incident-detail"]')?.getAttribute('data-status') === 'appealed',
  );
  await page.getByTestId('appeal-review').waitFor();
  assert.match(await page.getByTestId('incident-timeline').innerText(), /Logs of the attack on the unit/);
  assert.equal(await page.getByTestId('appeal').count(), 0, 'one appeal per ruling');
  await page.context().close();
});
