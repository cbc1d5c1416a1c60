// The dashboard tab's page in Debian Chromium, straight from the bot host (the Agents Playground does not host tabs).
// Requests are logged through the real flow first: Megan asks in the playground and submits the form, once with a
// justification full of HTML. In Development the page names its viewer with ?as=; the Hardware Service lead sees the
// figures, charts and the live queue with the typed text as text; anyone else the refusal only; a page framed outside
// Teams says that sign-in failed. Writes docs/dashboard.png. Run: node --test dashboard.test.mjs (after run.sh's build).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Persona, choose, fill, press } from './lib/persona.mjs';
import { repoRoot, startStack, suiteDir } from './lib/stack.mjs';

const lead = '00000000-0000-0000-0000-0000000000d2'; // Grady Archie, lead of Hardware Service
const member = '00000000-0000-0000-0000-0000000000a1'; // Megan Bowen
const runDir = path.join(suiteDir, 'artifacts', 'dashboard-' + new Date().toISOString().replace(/[:.]/g, '-'));
const megan = new Persona({ key: 'megan', name: 'Megan Bowen', firstName: 'Megan', config: 'samples/playground/megan.yml' });

// If the page put this where the browser reads markup, an image would appear, a script would run, a word turn bold.
const hostile = '<img src=x onerror="window.__hacked=1"><script>window.__hacked=2</script> <b>bold</b> & my laptop is broken';

let stack;

async function requestLaptop(justification) {
  const form = await megan.seeNew(() => megan.say('I need a new laptop'), 'Request: Standard laptop', 'Submit request');
  await fill(form, 'Why do you need it?', justification);
  await choose(form, 'How urgent is it?', 'High - work is blocked now');
  await fill(form, 'Cost centre', 'CC-4711');
  await choose(form, 'Delivery location', 'Berlin office');
  await choose(form, 'Keyboard layout', 'German (QWERTZ)');
  const confirmation = await megan.seeNew(() => press(form, 'Submit request'), 'Request logged: REQ-');
  return (await confirmation.innerText()).match(/REQ-\d{6}/)[0];
}

/** A page of the bot host's origin, so that its requests are checked against the bot's address only. */
async function dashboardPage(width = 1100) {
  const context = await stack.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const elsewhere = [];
  page.on('request', (r) => { if (!r.url().startsWith(stack.botUrl) && !r.url().startsWith('data:')) elsewhere.push(r.url()); });
  return { page, elsewhere };
}

describe('the dashboard page with requests logged through the chat', () => {
  const logged = [];

  before(async () => {
    stack = await startStack([megan], runDir);
    try {
      await megan.open();
      logged.push(await requestLaptop(hostile));
      logged.push(await requestLaptop('The screen flickers since the last update'));
    } catch (error) {
      console.error(`Evidence of the failed setup: ${await stack.saveEvidence('dashboard setup')}`);
      throw error;
    }
  });

  after(async () => {
    await stack?.stop();
  });

  it('shows the team lead the figures, the charts and the live queue, with what was typed shown as text', async () => {
    const { page, elsewhere } = await dashboardPage();
    await page.goto(`${stack.botUrl}/dashboard?as=${lead}&period=this%20month`);
    await page.locator('body[data-loaded="true"]').waitFor();

    assert.match(await page.locator('#covers').innerText(), /Hardware Service, this month/);
    assert.equal(await page.locator('#message').innerText(), '');
    assert.equal(await page.locator('#tiles .tile').count(), 9);
    assert.ok(await page.locator('#charts img').count() >= 1, 'no chart');
    assert.ok(await page.locator('#charts img').first().evaluate((img) => img.complete && img.naturalWidth === 640), 'the chart did not load');

    const rows = page.locator('#queue tbody tr');
    assert.equal(await rows.count(), 2);
    const first = rows.filter({ hasText: logged[0] });
    assert.equal(await first.locator('td').nth(2).innerText(), hostile.replace(/\s+/g, ' '));
    assert.equal(await page.locator('#queue img, #queue script, #queue b').count(), 0);
    assert.equal(await page.evaluate(() => window.__hacked), undefined);
    assert.match(await first.innerText(), /Standard laptop/);
    assert.match(await page.locator('#live-message').innerText(), /Open now in Hardware Service/);
    assert.equal(await page.locator('#breaches tbody tr').count(), 0);
    assert.deepEqual(elsewhere, []);
    await page.screenshot({ path: path.join(repoRoot, 'docs/dashboard.png'), fullPage: true });
  });

  it('filters by category: the figures and the queue of that category only', async () => {
    const { page } = await dashboardPage();
    await page.goto(`${stack.botUrl}/dashboard?as=${lead}`);
    await page.locator('body[data-loaded="true"]').waitFor();
    await page.evaluate(() => { delete document.body.dataset.loaded; });
    await page.locator('input[name="category"]').fill('Hardware');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('body[data-loaded="true"]').waitFor();
    assert.match(await page.locator('#covers').innerText(), /Hardware in Hardware Service/);
    assert.equal(await page.locator('#queue tbody tr').count(), 2);
  });

  it('refuses anyone else with the report\'s words, and no figures or rows', async () => {
    const { page } = await dashboardPage();
    await page.goto(`${stack.botUrl}/dashboard?as=${member}`);
    await page.locator('body[data-loaded="true"]').waitFor();
    assert.match(await page.locator('#message').innerText(), /Reports are for team leads, managers and auditors/);
    assert.equal(await page.locator('#tiles .tile').count(), 0);
    assert.equal(await page.locator('#covers').innerText(), '');
    assert.equal(await page.locator('#queue tbody tr').count(), 0);
    assert.match(await page.locator('#live-message').innerText(), /The live queue is for team leads and auditors/);
    assert.doesNotMatch(await page.content(), /REQ-0000/);
  });

  it('framed by a page that is not Teams, says sign-in failed and asks for no figures', async () => {
    const { page } = await dashboardPage();
    const apiCalls = [];
    page.on('request', (r) => { if (r.url().includes('/dashboard/api/')) apiCalls.push(r.url()); });
    // A host page at the bot's own address (the CSP lets only the bot itself and Teams frame the dashboard).
    await page.route(`${stack.botUrl}/not-teams`, (route) => route.fulfill({
      contentType: 'text/html', body: `<iframe src="/dashboard?as=${lead}" width="1000" height="600"></iframe>`,
    }));
    await page.goto(`${stack.botUrl}/not-teams`);
    const frame = page.frameLocator('iframe');
    await frame.locator('#message').filter({ hasText: 'Teams single sign-on failed' }).waitFor({ timeout: 20_000 });
    assert.equal(await frame.locator('#tiles .tile').count(), 0);
    assert.deepEqual(apiCalls, []);
  });
});
