/**
 * The web UI's one data layer (web/src/data): a slow answer to an older question never replaces
 * the answer to the newer one (the query cache is keyed by route and input), and the cache
 * belongs to one account (signing out and in as another shows none of the first one's data, not
 * even from memory while the second account's answers are on their way).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Route } from 'playwright-core';
import { openDemoSite, type DemoSite } from '../support/e2e.ts';
import { signInAs } from '../support/server.ts';
import { DEMO_PASSWORD } from '../../src/demo/scenario.ts';

let site: DemoSite;

before(async () => {
  site = await openDemoSite('webdata');
});
after(async () => {
  await site?.close();
});

/** In-app navigation (no reload: the cache lives on). */
const open = (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('link', { name }).click();

const shownIncidentIds = async (page: Page): Promise<string[]> =>
  (
    await page
      .getByTestId('incident-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-incident-id') ?? ''))
  ).sort();

test('changing a filter twice quickly: the late answer to the first choice never replaces the second', async () => {
  const api = await signInAs(site.server.url, 'coordinator@truce.example');
  const all = (await api.client.call('listIncidents', { query: { limit: 200 } })).items;
  const byStatus = new Map<string, string[]>();
  for (const i of all) byStatus.set(i.status, [...(byStatus.get(i.status) ?? []), i.id]);
  // Two statuses that both have incidents, so either answer would fill the list.
  const [first, second] = [...byStatus.keys()];
  assert.ok(first && second, `the demo has incidents in two statuses (has ${[...byStatus.keys()].join(', ')})`);
  const expected = async (status: string) =>
    (await api.client.call('listIncidents', { query: { status, limit: 200 } })).items.map((i) => i.id).sort();
  const secondIds = await expected(second);
  assert.notDeepEqual(await expected(first), secondIds);

  const page = await site.signIn('coordinator@truce.example');
  await open(page, /^monitoring$/i);
  await page.getByTestId('incident-list').waitFor();
  // The request for the first choice is held until the second choice's list is on screen, then
  // sent to the server: its answer arrives last (the request and the server are real).
  const slow = (url: URL) => url.pathname === '/api/incidents' && url.searchParams.get('status') === first;
  const held: Route[] = [];
  await page.route(
    (url) => slow(url),
    (route: Route) => void held.push(route),
  );
  const firstAsked = page.waitForRequest((r) => slow(new URL(r.url())));
  const firstAnswered = page.waitForResponse((r) => slow(new URL(r.url())));
  await page.locator('#filter-status').selectOption(first);
  await firstAsked;
  await page.locator('#filter-status').selectOption(second);
  await page.waitForFunction(
    (ids) =>
      JSON.stringify(
        [...document.querySelectorAll('[data-testid="incident-row"]')]
          .map((r) => r.getAttribute('data-incident-id'))
          .sort(),
      ) === JSON.stringify(ids),
    secondIds,
  );
  assert.equal(held.length, 1, 'the first choice was asked once and is still unanswered');
  for (const r of held.splice(0)) await r.continue();
  await firstAnswered;
  await page.waitForTimeout(1000);
  assert.deepEqual(
    await shownIncidentIds(page),
    secondIds,
    "the list still shows the second choice after the first one's late answer",
  );
  assert.equal(await page.locator('#filter-status').inputValue(), second);
  await page.context().close();
});

test("another account signing in on the same tab never sees the first account's tokens, even while its own load", async () => {
  const page = await site.signIn('coordinator@truce.example');
  await open(page, /^api tokens$/i);
  const label = `coordinator-only-${Date.now()}`;
  await page.getByTestId('token-label').fill(label);
  await page.getByRole('button', { name: /create/i }).click();
  await page.getByTestId('token-row').filter({ hasText: label }).waitFor();

  await page
    .getByTestId('user-menu')
    .getByRole('button', { name: /sign out/i })
    .click();
  // The next account's token list is held back: whatever shows meanwhile can only come from memory.
  const held: Route[] = [];
  let holding = true;
  await page.route(
    (url) => url.pathname === '/api/tokens',
    (route) => {
      if (holding) held.push(route);
      else void route.continue();
    },
  );
  await page.getByTestId('sign-in-form').waitFor();
  await page.getByLabel(/email/i).fill('observer.il@truce.example');
  await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByTestId('user-menu').waitFor();
  await page.getByTestId('tokens').waitFor();
  await page.waitForTimeout(1000);
  assert.ok(held.length > 0, "the observer's page asked for its own tokens");
  assert.equal(await page.getByTestId('token-row').count(), 0, "no token is listed before the observer's own answer");
  assert.ok(
    !(await page.locator('body').innerText()).includes(label),
    "the coordinator's token label is not on screen",
  );

  holding = false;
  for (const r of held.splice(0)) await r.continue();
  await page
    .getByText(/no api tokens|no tokens/i)
    .or(page.getByTestId('tokens-table'))
    .first()
    .waitFor();
  assert.ok(
    !(await page.locator('body').innerText()).includes(label),
    "the observer's own list does not have the coordinator's token",
  );
  await page.context().close();
});
